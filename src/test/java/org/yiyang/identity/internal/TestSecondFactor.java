package org.yiyang.identity.internal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.springframework.stereotype.Component;

/** Enrols test administrators in the TOTP second factor and computes their current codes. */
@Component
public class TestSecondFactor {
    private final SecondFactor secondFactor;
    private final UserDirectory directory;

    TestSecondFactor(SecondFactor secondFactor, UserDirectory directory) {
        this.secondFactor = secondFactor;
        this.directory = directory;
    }

    /** Enrols the user and returns the shared secret. */
    public String enrol(String username) {
        var actor = ((UserPrincipal) directory.loadUserByUsername(username)).actor();
        String secret = secondFactor.newSecret();
        if (!secondFactor.enrol(actor, secret, code(secret))) {
            throw new IllegalStateException("enrolment failed");
        }
        return secret;
    }

    public static String code(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 30_000);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
