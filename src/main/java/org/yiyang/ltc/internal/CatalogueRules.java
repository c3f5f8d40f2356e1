package org.yiyang.ltc.internal;

import org.jspecify.annotations.Nullable;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.Beneficiary;
import org.yiyang.ltc.CostCategory;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.ltc.Qualification;
import org.yiyang.ltc.ServiceCatalogue;

/** Which catalogue items a beneficiary may receive and who may give them. */
final class CatalogueRules {
    private CatalogueRules() {
    }

    /** The item serves the beneficiary's group and (effective) level. */
    static boolean servesBeneficiary(ServiceCatalogue.Item item, Beneficiary b, @Nullable LtcPolicy policy) {
        if (!item.eligibleGroups().contains(b.group())) {
            return false;
        }
        int level = b.group() == BenefitGroup.CONTINUING
                ? (policy == null ? 3 : policy.continuingCareLevel()) : b.ltcLevel();
        return item.eligibleLevels().contains(level);
    }

    /**
     * The catalogue's qualification column when the item has one (a nurse may give a carer's item); otherwise the
     * reading: medical-nursing items (医疗护理) need a nurse, life care and device use may be given by carers or nurses
     * (the SAMPLE catalogue has no qualification column; spec §5.2 lists none).
     */
    static boolean qualified(ServiceCatalogue.Item item, Qualification qualification) {
        if (item.requiredQualification() != null) {
            return item.requiredQualification() == Qualification.CARER || qualification == Qualification.NURSE;
        }
        return item.category() != CostCategory.MEDICAL_CARE || qualification == Qualification.NURSE;
    }
}
