package org.yiyang.shared.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * A keyed blind index (HMAC-SHA-256 under a key separate from the encryption key): equal normalised values give equal
 * indexes, so a protected column can be searched for an exact value without decrypting anything.
 */
public final class BlindIndex {
    private final SecretKey key;

    public BlindIndex(SecretKey key) {
        this.key = key;
    }

    public byte[] of(String normalisedValue, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }
}
