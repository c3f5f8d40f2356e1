package org.yiyang.ltc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The provider page's form read into the API's line: items, Beijing times, fields it cannot read. */
class ServiceRecordFormUnitTests {
    private final StaticMessageSource messages = new StaticMessageSource();

    {
        messages.setUseCodeAsDefaultMessage(true);
    }

    @Test
    void readsItemsAsCodeTimesQuantityAndBeijingTimesAsInstants() {
        var form = new ServiceRecordPages.RecordForm("6f1c1f3e-0000-4000-8000-000000000001", "R-1",
                "6f1c1f3e-0000-4000-8000-000000000002", "2026-03-02", "CG", "CARER", "2026-03-02T09:00",
                "2026-03-02T10:30", "23.13", "113.32", "SAMPLE-LC-001x2; SAMPLE-MC-001×1\nSAMPLE-DV-001", "35.50", true);
        var errors = new LinkedHashMap<String, String>();
        var line = form.toRecord(errors, messages, Locale.ROOT);
        assertThat(errors).isEmpty();
        assertThat(line.items()).extracting(ServiceRecords.NewItem::code, ServiceRecords.NewItem::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SAMPLE-LC-001", 2),
                        org.assertj.core.groups.Tuple.tuple("SAMPLE-MC-001", 1),
                        org.assertj.core.groups.Tuple.tuple("SAMPLE-DV-001", 1));
        // 09:00 in Shanghai (UTC+8) is 01:00 UTC
        assertThat(line.checkIn()).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(line.checkOut()).isEqualTo("2026-03-02T02:30:00Z");
        assertThat(line.bedFeeFen()).isEqualTo(3_550L);
        assertThat(line.adjustment()).isTrue();
    }

    @Test
    void namesTheFieldsThePageCannotReadAndLeavesTheRestToTheService() {
        var form = new ServiceRecordPages.RecordForm("not-an-id", " ", "", "2026-03-02", "", "CARER", "9 o'clock",
                null, "north", null, "SAMPLE-LC-001xtwo", "3.555", false);
        var errors = new LinkedHashMap<String, String>();
        var line = form.toRecord(errors, messages, Locale.ROOT);
        assertThat(errors).containsOnlyKeys("designatedProviderId", "checkInLatitude", "bedFeeYuan");
        assertThat(line.recordId()).isNull();
        assertThat(line.checkIn()).isEqualTo("9 o'clock"); // the service answers LTC_TIME_FORMAT
        assertThat(line.items()).extracting(ServiceRecords.NewItem::quantity).containsExactly((Integer) null);
        assertThat(ServiceRecordPages.formField("records[0].items[0].quantity")).isEqualTo("items");
        assertThat(ServiceRecordPages.formField("records[0].checkIn")).isEqualTo("checkIn");
    }
}
