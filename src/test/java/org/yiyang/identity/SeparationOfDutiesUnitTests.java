package org.yiyang.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Role;

/** 三员分立: three separate administrators, none of them with a business role. */
class SeparationOfDutiesUnitTests {

    @Test
    void refusesAnAdministratorWithAnotherRole() {
        assertThatThrownBy(() -> UserAccounts.checkSeparationOfDuties(Set.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("ADMIN_ROLES_EXCLUSIVE");
        assertThatThrownBy(() -> UserAccounts.checkSeparationOfDuties(Set.of(Role.SECURITY_ADMIN, Role.CITY_OFFICER)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> UserAccounts.checkSeparationOfDuties(Set.of()))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("ROLES_REQUIRED");
    }

    @Test
    void acceptsOneAdministratorRoleAloneAndCombinedBusinessRoles() {
        assertThatCode(() -> UserAccounts.checkSeparationOfDuties(Set.of(Role.AUDIT_ADMIN))).doesNotThrowAnyException();
        assertThatCode(() -> UserAccounts.checkSeparationOfDuties(Set.of(Role.STREET_WORKER, Role.ASSESSOR)))
                .doesNotThrowAnyException();
    }
}
