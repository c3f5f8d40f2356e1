package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which catalogue version is in force: official before sample, then the latest effective; ids are unique. */
class ServiceCataloguesUnitTests {

    @Test
    void anOfficialVersionReplacesTheSampleFromItsEffectiveDateEvenIfItStartsEarlier() {
        var sample = version("SAMPLE", LocalDate.of(2024, 1, 3), ServiceCatalogue.Status.SAMPLE);
        var catalogues = new ServiceCatalogues(List.of(sample));
        assertThat(catalogues.onDay(LocalDate.of(2025, 5, 1))).contains(sample);
        var early = version("OFFICIAL-2024", LocalDate.of(2024, 1, 1), ServiceCatalogue.Status.OFFICIAL);
        catalogues.add(early);
        assertThat(catalogues.onDay(LocalDate.of(2024, 1, 1))).contains(early);
        assertThat(catalogues.onDay(LocalDate.of(2025, 5, 1))).contains(early);
        var later = version("OFFICIAL-2025", LocalDate.of(2025, 7, 1), ServiceCatalogue.Status.OFFICIAL);
        catalogues.add(later);
        assertThat(catalogues.onDay(LocalDate.of(2025, 6, 30))).contains(early);
        assertThat(catalogues.onDay(LocalDate.of(2025, 7, 1))).contains(later);
        assertThat(catalogues.onDay(LocalDate.of(2023, 12, 31))).isEmpty();
        assertThatThrownBy(() -> catalogues.add(later)).isInstanceOf(IllegalStateException.class);
        // settling on an official version is allowed outside demo mode; on the sample it is not
        later.requireUsableForSettlement(false);
        assertThatThrownBy(() -> sample.requireUsableForSettlement(false))
                .isInstanceOf(ServiceCatalogue.CatalogueNotForPayment.class);
    }

    @Test
    void theQualificationColumnIsOptional() {
        var item = new ServiceCatalogue.Item("X", "x", CostCategory.DEVICE, null, "TIME", 100, false, Set.of(1),
                Set.of(BenefitGroup.LONG_TERM), ServiceCatalogue.Status.OFFICIAL);
        assertThat(item.requiredQualification()).isNull();
    }

    private static ServiceCatalogue version(String id, LocalDate from, ServiceCatalogue.Status status) {
        var item = new ServiceCatalogue.Item("C-" + id, "item", CostCategory.LIFE_CARE, null, "TIME", 100, false,
                Set.of(1, 2, 3), Set.of(BenefitGroup.LONG_TERM), status, Qualification.CARER);
        return new ServiceCatalogue(id, "doc", "issuer", from, null, status,
                status == ServiceCatalogue.Status.SAMPLE ? "SAMPLE CATALOGUE — not for payment" : null, List.of(item));
    }
}
