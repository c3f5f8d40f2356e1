package org.yiyang.facility;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Kinds of facility. Codes are API values; names are in the message bundles. */
public enum FacilityType {
    /** 区级综合养老服务中心 */
    DISTRICT_CENTRE,
    /** 街镇综合养老服务中心（颐康中心） */
    YIKANG_CENTRE,
    /** 村居颐康服务站 */
    YIKANG_STATION,
    /** 养老机构 */
    INSTITUTION,
    /** 长者饭堂 */
    ELDER_CANTEEN,
    /** 社区护理站 */
    NURSING_STATION,
    /** 居家养老服务基地 */
    HOME_CARE_BASE;

    /** The type with this code, if any (exact, case-sensitive API values). */
    public static Optional<FacilityType> fromCode(@Nullable String code) {
        for (FacilityType t : values()) {
            if (t.name().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
