package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Records that carry personal data print none of it: a request or a row can end up in a log or an exception. */
class PersonalDataInToStringUnitTests {
    static final String ID = "11010519491231002X";
    static final String PHONE = "13800138000";
    static final String ADDRESS = "广州市天河区五山路1号";

    @Test
    void aRegistrationRequestPrintsNoPersonalData() {
        var request = new NewResident(ID, "王秀英", PHONE, "440106000000", "440106001001", ADDRESS, "ALONE", 150_000L,
                List.of(new NewResident.Tag("DIBAO", LocalDate.of(2025, 1, 1), null)),
                List.of(new NewResident.Contact("李明", "SON", "13900139000")), false);
        assertThat(request.toString()).doesNotContain(ID, PHONE, ADDRESS, "13900139000", "李明", "1949");
    }

    @Test
    void aBulkRecordPrintsTheIdNumberOnlyMasked() {
        var record = new ResidentRecord(UUID.randomUUID(), ResidentIdNumber.parse(ID), "王秀英", PHONE,
                "440106000000", "440106001001", "440100000000.440106000000.440106001000.440106001001", ADDRESS,
                LivingArrangement.ALONE, 150_000L, List.of(), true);
        assertThat(record.toString()).doesNotContain(ID, PHONE, ADDRESS).contains("110***********002X");
    }
}
