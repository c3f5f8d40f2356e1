package org.yiyang.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The shipped instruments load; each kind of broken file is refused with a message naming the fault. */
class InstrumentLoaderUnitTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LTC = "policy/instruments/LTC2021.json";

    @Test
    void shipsGbt42195With26ItemsTotalling90AndFiveBands() {
        Instrument gbt = GbtFixtures.gbt();
        assertThat(gbt.items()).hasSize(26);
        assertThat(gbt.total()).isEqualTo(90);
        assertThat(gbt.dimensions()).extracting(Instrument.Dimension::code).containsExactly("B.1", "B.2", "B.3", "B.4");
        assertThat(gbt.dimensions()).extracting(Instrument.Dimension::maxPoints).containsExactly(32, 15, 28, 15);
        assertThat(gbt.levels()).hasSize(5);
        assertThat(gbt.assessorsRequired()).isEqualTo(2);
        assertThat(gbt.validityMonths()).isEqualTo(12);
        assertThat(gbt.rules().cumulative()).isFalse();
        assertThat(gbt.rules().f04f99RequiresPsychiatrist()).isTrue();
        assertThat(gbt.item("B.1.1").orElseThrow().options().get(0).text())
                .isEqualTo("独立使用器具将食物送进口中并咽下，没有呛咳");
        assertThat(gbt.item("B.2.4").orElseThrow().maxPoints()).isEqualTo(3);
        assertThat(gbt.level(4).orElseThrow().name()).isEqualTo("能力完全丧失（完全失能）");
        GbtFixtures.MAXIMA.forEach((code, max) ->
                assertThat(gbt.item(code).orElseThrow().maxPoints()).as(code).isEqualTo(max));
    }

    @Test
    void shipsTheLtc2021ScaleWith17ItemsAndAssessorEnteredGrades() {
        Instrument ltc = InstrumentLoader.load(LTC, GbtFixtures.bytes(LTC));
        assertThat(ltc.items()).hasSize(17);
        assertThat(ltc.total()).isEqualTo(128);                              // ADL 100 + cognition 16 + perception 12
        assertThat(ltc.computesLevels()).isFalse();
        assertThat(ltc.levels()).hasSize(6);                                 // 0 基本正常 … 5 重度失能Ⅲ级
        assertThat(ltc.combination().enabled()).isFalse();
    }

    @Test
    void refusesItemMaximaThatDoNotAddUpToTheTotal() {
        assertBroken(root -> option(root, 1, 3, 0).put("points", 4),    // B.2.4's 3 becomes 4
                "item maxima add up to 91 but the declared total is 90",
                "dimension B.2 declares max 15 but its item maxima add up to 16");
    }

    @Test
    void refusesBandsWithAGap() {
        assertBroken(root -> ((ObjectNode) root.get("levels").get(1)).put("min", 67),
                "bands leave 66..66 uncovered");
    }

    @Test
    void refusesOverlappingBands() {
        assertBroken(root -> ((ObjectNode) root.get("levels").get(2)).put("max", 66),
                "band of level 1 (66..89) overlaps the band below it");
    }

    @Test
    void refusesBandsThatStopShortOfTheTotal() {
        assertBroken(root -> ((ObjectNode) root.get("levels").get(0)).put("min", 91).put("max", 91),
                "bands leave 90..90 uncovered");
    }

    @Test
    void refusesTheSamePointsTwiceWithinAnItem() {
        assertBroken(root -> option(root, 2, 6, 1).put("points", 1),    // B.3.7: 1 and 1
                "item B.3.7 offers 1 points more than once");
    }

    @Test
    void refusesUnknownFieldsAndUnreadableFiles() {
        assertBroken(root -> ((ObjectNode) root).put("totl", 90), "cannot be read");
        assertThatThrownBy(() -> InstrumentLoader.load("x.json", "{".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("instrument file x.json is broken: cannot be read");
    }

    @Test
    void aBrokenFileStopsTheCatalogNamingTheFileAndFault(@TempDir Path dir) throws Exception {
        JsonNode root = JSON.readTree(GbtFixtures.bytes(GbtFixtures.FILE));
        ((ObjectNode) root.get("levels").get(1)).put("min", 67);
        Files.write(dir.resolve("BROKEN.json"), JSON.writeValueAsBytes(root));
        assertThatThrownBy(() -> new InstrumentCatalog("file:" + dir + "/*.json", "", ""))
                .hasMessageContaining("instrument file BROKEN.json is broken")
                .hasMessageContaining("bands leave 66..66 uncovered");
    }

    @Test
    void catalogAppliesTheConfigurationSwitches() throws Exception {
        var catalog = new InstrumentCatalog("classpath:policy/instruments/*.json", "true", "false");
        assertThat(catalog.get("GBT42195-2022").rules().cumulative()).isTrue();
        assertThat(catalog.get("GBT42195-2022").rules().f04f99RequiresPsychiatrist()).isFalse();
        assertThat(catalog.find("LTC2021")).isPresent();
    }

    private static ObjectNode option(JsonNode root, int dimension, int item, int option) {
        return (ObjectNode) root.get("dimensions").get(dimension).get("items").get(item).get("options").get(option);
    }

    private static void assertBroken(Consumer<JsonNode> breakIt, String... faults) {
        JsonNode root = JSON.readTree(GbtFixtures.bytes(GbtFixtures.FILE));
        breakIt.accept(root);
        byte[] broken = JSON.writeValueAsBytes(root);
        assertThatThrownBy(() -> InstrumentLoader.load("GBT42195-2022.json", broken))
                .isInstanceOf(InstrumentLoader.BrokenInstrument.class)
                .hasMessageStartingWith("instrument file GBT42195-2022.json is broken: ")
                .satisfies(e -> {
                    for (String fault : faults) {
                        assertThat(e.getMessage()).contains(fault);
                    }
                });
    }
}
