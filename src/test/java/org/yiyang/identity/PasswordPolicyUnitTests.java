package org.yiyang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyUnitTests {
    final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void refusesShortCommonAndSelfNamingPasswords() {
        assertThat(policy.violation("zhang.san", "short-pass1")).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(policy.violation("zhang.san", "Password1234")).isEqualTo("PASSWORD_COMMON");
        assertThat(policy.violation("zhang.san", "my-Zhang.San-2026!")).isEqualTo("PASSWORD_CONTAINS_USERNAME");
        assertThat(policy.violation("zhang.san", "welcome-to-YiYang-7")).isEqualTo("PASSWORD_CONTAINS_SYSTEM_NAME");
        assertThat(policy.violation("zhang.san", "x".repeat(129))).isEqualTo("PASSWORD_TOO_LONG");
    }

    @Test
    void acceptsLongPassphrasesUpToTheLimitUnchanged() {
        assertThat(policy.violation("zhang.san", "tea leaves drift over the pearl river")).isNull();
        assertThat(policy.violation("zhang.san", "长者饭堂的午饭很好吃，每天都去")).isNull();
        assertThat(policy.violation("zhang.san", "a1!".repeat(21) + "z")).isNull(); // 64 characters
        assertThat(policy.violation("zhang.san", "q".repeat(100) + "7")).isNull();
    }
}
