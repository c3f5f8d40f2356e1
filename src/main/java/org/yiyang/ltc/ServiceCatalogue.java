package org.yiyang.ltc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One version of the LTC service-item catalogue (spec §5.2). The official catalogue (41 生活照料 + 34 医疗护理 items)
 * is not obtained; the shipped version is a SAMPLE with our own round prices, and everything made from it carries
 * {@link #stamp()} ("SAMPLE CATALOGUE — not for payment"). A settlement run refuses it outside demo mode.
 */
public record ServiceCatalogue(String id, String docNo, String issuer, LocalDate effectiveFrom,
                               @Nullable LocalDate effectiveTo, Status status, @Nullable String stamp,
                               List<Item> items) {

    public ServiceCatalogue {
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        items = List.copyOf(items);
        if (status != Status.OFFICIAL && (stamp == null || stamp.isBlank())) {
            throw new IllegalArgumentException("a non-official catalogue must carry its stamp");
        }
    }

    public boolean isOfficial() {
        return status == Status.OFFICIAL;
    }

    public Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** Settlement runs only on an official catalogue, or on a sample one in demo mode. */
    public void requireUsableForSettlement(boolean demoMode) {
        if (!isOfficial() && !demoMode) {
            throw new CatalogueNotForPayment(id, status);
        }
    }

    public enum Status {
        OFFICIAL,
        SAMPLE
    }

    /**
     * One service item; medical-care prices are Guangzhou's basic medical service prices once official. The required
     * qualification is the catalogue's own column when it has one (an imported version); null when it has none.
     */
    public record Item(String code, String name, CostCategory category, @Nullable String subCategory, String unit,
                       long unitPriceFen, boolean consumable, Set<Integer> eligibleLevels,
                       Set<BenefitGroup> eligibleGroups, Status status, @Nullable Qualification requiredQualification) {
        public Item {
            eligibleLevels = Set.copyOf(eligibleLevels);
            eligibleGroups = Set.copyOf(eligibleGroups);
        }

        /** An item of a catalogue without a qualification column. */
        public Item(String code, String name, CostCategory category, @Nullable String subCategory, String unit,
                    long unitPriceFen, boolean consumable, Set<Integer> eligibleLevels,
                    Set<BenefitGroup> eligibleGroups, Status status) {
            this(code, name, category, subCategory, unit, unitPriceFen, consumable, eligibleLevels, eligibleGroups,
                    status, null);
        }
    }

    /** A settlement was asked to run on a catalogue that is not for payment. */
    public static final class CatalogueNotForPayment extends IllegalStateException {
        CatalogueNotForPayment(String id, Status status) {
            super("catalogue " + id + " is " + status + ": settlement on it runs only in demo mode");
        }
    }
}
