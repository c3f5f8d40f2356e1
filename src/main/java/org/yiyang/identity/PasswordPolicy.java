package org.yiyang.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiyang.shared.InvalidInput;

/**
 * What a password must be: at least {@code yiyang.security.password.min-length} characters (default 12), at most
 * 128 (anything up to that is accepted unchanged), not on the bundled list of common passwords, and not containing
 * the user name or the system's name.
 */
@Component
public class PasswordPolicy {
    static final int MAX_LENGTH = 128;
    private static final String SYSTEM_NAME = "yiyang";

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(@Value("${yiyang.security.password.min-length:12}") int minLength) {
        this.minLength = minLength;
        this.common = load();
    }

    /** Throws {@link InvalidInput} on field {@code password} with the first rule broken. */
    public void check(String username, String password) {
        String code = violation(username, password);
        if (code != null) {
            throw InvalidInput.of("password", code, minLength);
        }
    }

    String violation(String username, String password) {
        if (password == null || password.length() < minLength) {
            return "PASSWORD_TOO_SHORT";
        }
        if (password.length() > MAX_LENGTH) {
            return "PASSWORD_TOO_LONG";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return "PASSWORD_COMMON";
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "PASSWORD_CONTAINS_USERNAME";
        }
        if (lower.contains(SYSTEM_NAME) || password.contains("颐养")) {
            return "PASSWORD_CONTAINS_SYSTEM_NAME";
        }
        return null;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        var file = new ClassPathResource("identity/common-passwords.txt");
        try (var in = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the common-password list cannot be read", e);
        }
        return Set.copyOf(words);
    }
}
