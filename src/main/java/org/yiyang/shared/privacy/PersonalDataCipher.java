package org.yiyang.shared.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Authenticated encryption of personal data (AES-256-GCM) with a fresh random nonce per value. A stored value is
 * {@code [key id: 2 bytes][nonce: 12 bytes][ciphertext + tag]}, so keys can be rotated: new values use the current key,
 * old values are read with the key they name. The associated data binds a value to its column (an ID number cannot be
 * swapped into a phone column).
 */
public final class PersonalDataCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<Short, SecretKey> keys;
    private final short currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(Map<Short, SecretKey> keys, short currentKeyId) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key id " + currentKeyId + " has no key");
        }
        this.keys = Map.copyOf(keys);
        this.currentKeyId = currentKeyId;
    }

    public byte[] encrypt(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(2 + NONCE_BYTES + sealed.length)
                    .putShort(currentKeyId).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored, String purpose) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        short keyId = in.getShort();
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no key with id " + keyId + " is configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a protected value could not be decrypted (wrong key or tampered)", e);
        }
    }

    public short currentKeyId() {
        return currentKeyId;
    }

    /** The key id a stored value was sealed with (for re-encryption after rotation). */
    public static short keyIdOf(byte[] stored) {
        return ByteBuffer.wrap(stored).getShort();
    }
}
