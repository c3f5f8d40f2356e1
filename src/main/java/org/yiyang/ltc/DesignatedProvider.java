package org.yiyang.ltc;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A designated LTC service institution under a service agreement (协议管理), valid over a period. */
public record DesignatedProvider(UUID id, @Nullable UUID providerId, String name, DesignationKind kind,
                                 String agreementNo, String regionCode, LocalDate validFrom,
                                 @Nullable LocalDate validTo) {
}
