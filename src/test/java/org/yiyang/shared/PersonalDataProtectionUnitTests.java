package org.yiyang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.yiyang.shared.privacy.BlindIndex;
import org.yiyang.shared.privacy.Mask;
import org.yiyang.shared.privacy.PersonalDataCipher;

class PersonalDataProtectionUnitTests {
    static SecretKey aes() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new SecretKeySpec(k, "AES");
    }

    @Test
    void sealsEachValueWithAFreshNonceAndOpensItAgain() {
        var cipher = new PersonalDataCipher(Map.of((short) 1, aes()), (short) 1);
        byte[] a = cipher.encrypt("11010519491231002X", "person.id_number");
        byte[] b = cipher.encrypt("11010519491231002X", "person.id_number");
        assertThat(a).isNotEqualTo(b);
        assertThat(cipher.decrypt(a, "person.id_number")).isEqualTo("11010519491231002X");
        assertThat(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("1949");
    }

    @Test
    void refusesAValueSealedForAnotherColumnOrTamperedWith() {
        var cipher = new PersonalDataCipher(Map.of((short) 1, aes()), (short) 1);
        byte[] sealed = cipher.encrypt("13800138000", "person.phone");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "person.id_number")).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "person.phone")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsOldValuesAfterTheKeyIsRotated() {
        SecretKey first = aes();
        var before = new PersonalDataCipher(Map.of((short) 1, first), (short) 1);
        byte[] old = before.encrypt("广州市天河区某路1号", "person.address");
        var after = new PersonalDataCipher(Map.of((short) 1, first, (short) 2, aes()), (short) 2);
        byte[] fresh = after.encrypt("广州市天河区某路1号", "person.address");
        assertThat(PersonalDataCipher.keyIdOf(old)).isEqualTo((short) 1);
        assertThat(PersonalDataCipher.keyIdOf(fresh)).isEqualTo((short) 2);
        assertThat(after.decrypt(old, "person.address")).isEqualTo(after.decrypt(fresh, "person.address"));
    }

    @Test
    void givesEqualBlindIndexesForEqualValuesOnlyUnderTheSameKeyAndPurpose() {
        SecretKey key = new SecretKeySpec(new byte[32], "HmacSHA256");
        var index = new BlindIndex(key);
        assertThat(index.of("11010519491231002X", "p")).isEqualTo(index.of("11010519491231002X", "p"));
        assertThat(index.of("11010519491231002X", "p")).isNotEqualTo(index.of("11010519491231002X", "q"));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(new BlindIndex(new SecretKeySpec(other, "HmacSHA256")).of("11010519491231002X", "p"))
                .isNotEqualTo(index.of("11010519491231002X", "p"));
    }

    @Test
    void masksAllButTheConfiguredHeadAndTail() {
        assertThat(new Mask(3, 4).apply("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(new Mask(6, 0).apply("11010519491231002X")).isEqualTo("110105************");
        assertThat(new Mask(3, 4).apply("123")).isEqualTo("***");
    }
}
