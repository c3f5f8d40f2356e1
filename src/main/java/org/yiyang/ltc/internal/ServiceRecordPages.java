package org.yiyang.ltc.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;

/**
 * The provider's service-record page: the month's lines (rejected ones with their reasons and a "correct" action)
 * and a form that submits one line through the same service as the API — the same validation, the same outcome and
 * reason codes; a line that cannot be read is re-shown with a message per field and nothing is stored. Times are
 * entered in Asia/Shanghai; items as {@code CODExQTY} separated by {@code ;}.
 */
@Controller
class ServiceRecordPages {
    private final ServiceRecords records;
    private final MessageSource messages;

    ServiceRecordPages(ServiceRecords records, MessageSource messages) {
        this.records = records;
        this.messages = messages;
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/ltc/records")
    String records(@RequestParam(required = false) @Nullable String month,
                   @RequestParam(defaultValue = "false") boolean rejected,
                   @RequestParam(required = false) @Nullable String correct, Actor actor, Model model) {
        RecordForm form = RecordForm.empty();
        if (correct != null && !correct.isBlank()) {
            form = RecordForm.of(records.stored(correct, actor).orElseThrow(() -> new NotFound("ltcServiceRecord")));
        }
        return page(parse(month), rejected, form, Map.of(), null, actor, model);
    }

    @PreAuthorize(Access.LTC)
    @PostMapping("/ltc/records")
    String submit(@ModelAttribute RecordForm form, Actor actor, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        ServiceRecords.NewRecord line = form.toRecord(errors, messages, locale);
        YearMonth month = parse(form.serviceDate() == null || form.serviceDate().length() < 7 ? null
                : form.serviceDate().substring(0, 7));
        if (!errors.isEmpty()) {
            return page(month, false, form, errors, null, actor, model);
        }
        try {
            var result = records.submit(new ServiceRecords.Batch(parseId(form.designatedProviderId()),
                    List.of(line)), actor);
            return page(month, false, form, Map.of(), result.results().get(0), actor, model);
        } catch (InvalidInput e) {
            e.problems().forEach(p -> errors.merge(formField(p.field()), messages.getMessage("problem." + p.code(),
                    p.args().toArray(), p.code(), locale), (a, b) -> a + " " + b));
            return page(month, false, form, errors, null, actor, model);
        }
    }

    private String page(YearMonth month, boolean rejected, RecordForm form, Map<String, String> errors,
                        ServiceRecords.@Nullable LineResult result, Actor actor, Model model) {
        model.addAttribute("month", month.toString());
        model.addAttribute("rejected", rejected);
        model.addAttribute("lines", records.list(month, rejected ? "REJECTED" : null, actor));
        model.addAttribute("designations", records.designations(actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        return "ltc/records";
    }

    /** {@code records[0].items[1].quantity} → {@code items}; {@code records[0].checkIn} → {@code checkIn}. */
    static String formField(String field) {
        String f = field.startsWith("records[0].") ? field.substring("records[0].".length()) : field;
        return f.startsWith("items") ? "items" : f.equals("records") ? "form" : f;
    }

    private static @Nullable UUID parseId(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static YearMonth parse(@Nullable String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(BusinessZone.ZONE) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return YearMonth.now(BusinessZone.ZONE);
        }
    }

    /** The form's fields as entered (text), so a refused form is shown again as it was. */
    record RecordForm(@Nullable String designatedProviderId, @Nullable String recordId, @Nullable String beneficiaryId,
                      @Nullable String serviceDate, @Nullable String caregiverId, @Nullable String qualification,
                      @Nullable String checkIn, @Nullable String checkOut, @Nullable String checkInLatitude,
                      @Nullable String checkInLongitude, @Nullable String items, @Nullable String bedFeeYuan,
                      @Nullable Boolean adjustment) {

        static RecordForm empty() {
            return new RecordForm(null, null, null, null, null, "CARER", null, null, null, null, null, null, false);
        }

        static RecordForm of(ServiceRecords.StoredLine l) {
            return new RecordForm(l.designatedProviderId().toString(), l.recordId(),
                    l.beneficiaryId() == null ? null : l.beneficiaryId().toString(), l.serviceDate().toString(),
                    l.caregiverId(), l.qualification(), local(l.checkIn()), local(l.checkOut()), null, null,
                    l.items(), l.bedFeeFen() == 0 ? null : BigDecimal.valueOf(l.bedFeeFen(), 2).toPlainString(),
                    l.adjustment());
        }

        private static @Nullable String local(java.time.@Nullable Instant t) {
            return t == null ? null : LocalDateTime.ofInstant(t, BusinessZone.ZONE).toString();
        }

        /** The line as the API takes it; fields the page itself cannot read are reported in {@code errors}. */
        ServiceRecords.NewRecord toRecord(Map<String, String> errors, MessageSource messages, Locale locale) {
            Double lat = number("checkInLatitude", checkInLatitude, errors, messages, locale);
            Double lon = number("checkInLongitude", checkInLongitude, errors, messages, locale);
            Long bed = null;
            if (bedFeeYuan != null && !bedFeeYuan.isBlank()) {
                try {
                    bed = new BigDecimal(bedFeeYuan.strip()).movePointRight(2).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    errors.put("bedFeeYuan", messages.getMessage("problem.LTC_YUAN_FORMAT", null, locale));
                }
            }
            if (parseId(designatedProviderId) == null) {
                errors.put("designatedProviderId", messages.getMessage("problem.REQUIRED", null, locale));
            }
            UUID beneficiary = parseId(beneficiaryId);
            if (beneficiary == null && beneficiaryId != null && !beneficiaryId.isBlank()) {
                errors.put("beneficiaryId", messages.getMessage("problem.BENEFICIARY_UNKNOWN", null,
                        "BENEFICIARY_UNKNOWN", locale));
            }
            return new ServiceRecords.NewRecord(blankToNull(recordId), beneficiary, blankToNull(serviceDate),
                    blankToNull(caregiverId), blankToNull(qualification), instant(checkIn), instant(checkOut), lat,
                    lon, items(items), bed, Boolean.TRUE.equals(adjustment));
        }

        private static @Nullable List<ServiceRecords.NewItem> items(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            List<ServiceRecords.NewItem> out = new ArrayList<>();
            for (String part : text.split("[;\\n]")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int x = Math.max(p.lastIndexOf('x'), p.lastIndexOf('×'));
                if (x <= 0) {
                    out.add(new ServiceRecords.NewItem(p, 1));
                    continue;
                }
                Integer quantity;
                try {
                    quantity = Integer.valueOf(p.substring(x + 1).strip());
                } catch (NumberFormatException e) {
                    quantity = null; // the service reports LTC_QUANTITY
                }
                out.add(new ServiceRecords.NewItem(p.substring(0, x).strip(), quantity));
            }
            return out;
        }

        /** A local date-time in Asia/Shanghai as an instant; anything else is passed on for the service to refuse. */
        private static @Nullable String instant(@Nullable String local) {
            if (local == null || local.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(local.strip()).atZone(BusinessZone.ZONE).toInstant().toString();
            } catch (DateTimeParseException e) {
                return local;
            }
        }

        private static @Nullable Double number(String field, @Nullable String value, Map<String, String> errors,
                                               MessageSource messages, Locale locale) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(value.strip());
            } catch (NumberFormatException e) {
                errors.put(field, messages.getMessage("problem.LTC_POSITION_RANGE", null, locale));
                return null;
            }
        }

        private static @Nullable String blankToNull(@Nullable String v) {
            return v == null || v.isBlank() ? null : v.strip();
        }
    }
}
