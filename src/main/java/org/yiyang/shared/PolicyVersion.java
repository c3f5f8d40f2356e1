package org.yiyang.shared;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a policy value comes from and when it applies: document number (e.g. 穗医保规字〔2024〕1号), issuer,
 * effective-from and effective-to (both inclusive; an open end is {@code null}) and the status label of the specs.
 */
public record PolicyVersion(String docNo, String issuer, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo,
                            PolicyStatus status) {

    public PolicyVersion {
        Objects.requireNonNull(docNo, "docNo");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(status, "status");
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("policy " + docNo + " ends before it starts");
        }
    }

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** The three status labels of the reference specifications. */
    public enum PolicyStatus {
        VERIFIED_FROM_OFFICIAL_TEXT,
        CORROBORATED,
        /** not found — configurable default: shown as a local default wherever it is used. */
        LOCAL_DEFAULT
    }
}
