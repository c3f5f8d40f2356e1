package org.yiyang.ltc.internal;

import org.jspecify.annotations.Nullable;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.Beneficiary;
import org.yiyang.ltc.CostCategory;
import org.yiyang.ltc.LtcPolicy;
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
     * Reading: medical-nursing items (医疗护理) need a nurse; life care and device use may be given by carers or nurses.
     * The catalogue has no qualification column yet (spec §5.2 lists none); the official catalogue may add one.
     */
    static boolean qualified(ServiceCatalogue.Item item, Qualification qualification) {
        return item.category() != CostCategory.MEDICAL_CARE || qualification == Qualification.NURSE;
    }

    /** A caregiver's qualification: 护理员 (carer) or 护士 (nurse). */
    enum Qualification { CARER, NURSE }
}
