package org.yiyang.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates and months are in Asia/Shanghai; instants are stored in UTC. */
public final class BusinessZone {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessZone() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
