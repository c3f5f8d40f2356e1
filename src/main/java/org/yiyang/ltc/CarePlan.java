package org.yiyang.ltc;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A care plan of one beneficiary with the designated provider: visits (daily for A类, or a number per month with
 * minutes per visit) and service items with their frequencies, from {@code startOn} to {@code endOn} inclusive.
 */
public record CarePlan(UUID id, UUID beneficiaryId, UUID designatedProviderId, CareForm careForm, LocalDate startOn,
                       LocalDate endOn, boolean dailyVisits, int visitsPerMonth, int minutesPerVisit,
                       List<PlannedItem> items) {

    public CarePlan {
        items = List.copyOf(items);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startOn) && !day.isAfter(endOn);
    }

    public boolean includes(String itemCode) {
        return items.stream().anyMatch(i -> i.code().equals(itemCode));
    }

    public record PlannedItem(String code, int timesPerMonth) {
    }
}
