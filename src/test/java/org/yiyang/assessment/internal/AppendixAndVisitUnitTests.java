package org.yiyang.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;

class AppendixAndVisitUnitTests {
    static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");

    @Test
    void acceptsAWellFormedAppendixAndAnEmptyOne() {
        var appendix = new AppendixA(Map.of("heightCm", 50, "weightKg", 300, "education", "UNKNOWN",
                "livingWith", List.of("ALONE"), "medicalPayment", List.of("城乡居民医保")),
                Map.of("name", "王小明", "relation", "SELF", "contactPhone", "13900000000"),
                List.of(Map.of("name", "二甲双胍", "dose", "0.5g")),
                Map.of("A.5.1", "UNSTAGEABLE", "A.5.4", List.of("DIALYSIS", "STOMA"), "A.5.5", "轻度"));
        assertThat(appendix.problems()).isEmpty();                                        // 50 and 300 are the limits
        assertThat(AppendixA.empty().problems()).isEmpty();
        assertThat(AppendixA.of(appendix.document())).isEqualTo(appendix);                // round trip through storage
    }

    @Test
    void listsEveryProblemOfTheAppendix() {
        var appendix = new AppendixA(Map.of("heightCm", 49, "weightKg", "sixty", "maritalStatus", "SINGLE",
                "livingWith", List.of("ALONE", "CAT"), "shoeSize", 40),
                Map.of("relation", "NEIGHBOUR", "name", "x".repeat(101)),
                List.of(Map.of("dose", "5mg"), Map.of("name", "氨氯地平", "colour", "white")),
                Map.of("A.5.1", "STAGE_5", "A.5.11", "有"));
        assertThat(appendix.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "appendix.basic.heightCm", "appendix.basic.weightKg", "appendix.basic.maritalStatus",
                "appendix.basic.livingWith", "appendix.basic.shoeSize", "appendix.informant.relation",
                "appendix.informant.name", "appendix.medications[0].name", "appendix.medications[1].colour",
                "appendix.health.A.5.1",
                "appendix.health.A.5.11");  // coma is the C.4 input `coma`, not an appendix text
    }

    @Test
    void aVisitNeedsATimeNotInTheFutureAKnownPlaceAndSomeonePresent() {
        new Visit(NOW, "HOME", null, List.of(new Visit.Present("李阿婆", "ELDER"))).check(NOW); // at the very moment
        assertThatThrownBy(() -> new Visit(NOW.plusSeconds(1), "PARK", "x".repeat(201),
                List.of(new Visit.Present(" ", "NEIGHBOUR"))).check(NOW))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).problems()).extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("at", "place", "placeNote", "present[0].name",
                                "present[0].role"));
        assertThatThrownBy(() -> new Visit(null, "HOME", null, List.of()).check(NOW))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).problems()).extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("at", "present"));
    }
}
