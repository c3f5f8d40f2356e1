package org.yiyang.ltc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yiyang.ltc.CostCategory;
import org.yiyang.ltc.ServiceCatalogue;
import org.yiyang.ltc.ServiceCatalogues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ServiceCatalogueReaderUnitTests {

    static JsonNode sample() throws IOException {
        try (InputStream in = ServiceCatalogueReaderUnitTests.class.getClassLoader()
                .getResourceAsStream("policy/guangzhou/ltc/catalogue/sample.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void theShippedCatalogueIsTheSpecsSampleStampedNotForPayment() throws IOException {
        ServiceCatalogue c = ServiceCatalogueReader.read(sample(), "sample.json");
        assertThat(c.status()).isEqualTo(ServiceCatalogue.Status.SAMPLE);
        assertThat(c.isOfficial()).isFalse();
        assertThat(c.stamp()).isEqualTo("SAMPLE CATALOGUE — not for payment");
        assertThat(c.items()).extracting(ServiceCatalogue.Item::code)
                .containsExactly("SAMPLE-LC-001", "SAMPLE-LC-002", "SAMPLE-MC-001", "SAMPLE-DV-001");
        var catheter = c.item("SAMPLE-MC-001").orElseThrow();
        assertThat(catheter.category()).isEqualTo(CostCategory.MEDICAL_CARE);
        assertThat(catheter.unitPriceFen()).isEqualTo(4_000); // 40 元 a time, a sample price
        assertThat(catheter.eligibleLevels()).containsExactlyInAnyOrder(2, 3);
        assertThat(c.items()).allSatisfy(i -> assertThat(i.name()).contains("SAMPLE"));
        assertThat(new ServiceCatalogues(java.util.List.of(c)).onDay(LocalDate.of(2026, 1, 1))).contains(c);
    }

    @Test
    void settlementOnTheSampleRunsOnlyInDemoMode() throws IOException {
        ServiceCatalogue c = ServiceCatalogueReader.read(sample(), "sample.json");
        c.requireUsableForSettlement(true);
        assertThatThrownBy(() -> c.requireUsableForSettlement(false))
                .isInstanceOf(ServiceCatalogue.CatalogueNotForPayment.class).hasMessageContaining("demo mode");
    }

    @Test
    void refusesASampleWithoutItsStampAndABadPrice() throws IOException {
        JsonNode root = sample();
        ((ObjectNode) root.get("catalogueVersion")).remove("stamp");
        ((ObjectNode) root.get("items").get(1)).put("unitPriceFen", -1);
        assertThatThrownBy(() -> ServiceCatalogueReader.read(root, "broken.json"))
                .hasMessageContainingAll("broken.json", "stamp must say SAMPLE", "items[1].unitPriceFen");
    }

    @Test
    void refusesAnItemPretendingToBeOfficialInASampleCatalogue() throws IOException {
        JsonNode root = sample();
        ((ObjectNode) root.get("items").get(0)).put("status", "OFFICIAL");
        assertThatThrownBy(() -> ServiceCatalogueReader.read(root, "broken.json"))
                .hasMessageContaining("items[0].status differs");
    }
}
