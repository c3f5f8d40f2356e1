package org.yiyang.ltc.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.InvalidInput;

/** Reading request values, each problem named by field and code. */
final class LtcInput {
    private LtcInput() {
    }

    static @Nullable LocalDate date(String field, @Nullable String value, boolean required,
                                    InvalidInput.Collector problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field, "REQUIRED");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "DATE_FORMAT");
            return null;
        }
    }

    static @Nullable YearMonth month(String field, @Nullable String value, InvalidInput.Collector problems) {
        if (value == null || value.isBlank()) {
            problems.add(field, "REQUIRED");
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "LTC_MONTH_FORMAT");
            return null;
        }
    }

    static <T> @Nullable T required(String field, @Nullable T value, InvalidInput.Collector problems) {
        if (value == null) {
            problems.add(field, "REQUIRED");
        }
        return value;
    }

    static <E extends Enum<E>> @Nullable E enumOf(String field, Class<E> type, @Nullable String raw, boolean required,
                                                  InvalidInput.Collector problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(field, "REQUIRED");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            problems.add(field, "LTC_UNKNOWN_VALUE");
            return null;
        }
    }

    static void period(String toField, @Nullable LocalDate from, @Nullable LocalDate to,
                       InvalidInput.Collector problems) {
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(toField, "LTC_PERIOD_ORDER");
        }
    }
}
