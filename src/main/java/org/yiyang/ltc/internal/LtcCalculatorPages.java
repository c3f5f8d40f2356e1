package org.yiyang.ltc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.Finding;
import org.yiyang.ltc.InsuredType;
import org.yiyang.ltc.MonthSettlement;
import org.yiyang.ltc.SettlementLine;
import org.yiyang.shared.Access;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Money;

/**
 * The calculator page: a form in yuan, answered with the result table. It calls the same {@link LtcCalculator} (and
 * so the same settlement engine) as the API; nothing is stored.
 */
@PreAuthorize(Access.LTC)
@Controller
class LtcCalculatorPages {
    static final List<String> FIELDS = List.of("insuredType", "group", "ltcLevel", "careForm", "month",
            "dailyLifeCareCost", "dailyBedFee", "medicalCareCost", "medicalConsumables", "deviceCost", "visits",
            "visitMinutes", "monthsUsedInValidity");

    private final LtcCalculator calculator;
    private final MessageSource messages;

    LtcCalculatorPages(LtcCalculator calculator, MessageSource messages) {
        this.calculator = calculator;
        this.messages = messages;
    }

    @GetMapping("/ltc/calculator")
    String form(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("insuredType", "EMPLOYEE");
        form.put("group", "LONG_TERM");
        form.put("ltcLevel", "3");
        form.put("careForm", "HOME");
        return render(model, form, Map.of(), null, Locale.ROOT);
    }

    @PostMapping("/ltc/calculator")
    String calculate(@RequestParam Map<String, String> params, Model model, Locale locale) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, params.getOrDefault(f, "").trim()));
        List<FieldProblem> problems = new ArrayList<>();
        MonthSettlement result = null;
        CalculationRequest request = new CalculationRequest(
                enumOf(InsuredType.class, form.get("insuredType")), enumOf(BenefitGroup.class, form.get("group")),
                integer("ltcLevel", form.get("ltcLevel"), problems), enumOf(CareForm.class, form.get("careForm")),
                form.get("month").isEmpty() ? null : form.get("month"),
                yuanList("dailyLifeCareCost", form.get("dailyLifeCareCost"), problems),
                yuanList("dailyBedFee", form.get("dailyBedFee"), problems),
                yuan("medicalCareCost", form.get("medicalCareCost"), problems),
                yuan("medicalConsumables", form.get("medicalConsumables"), problems),
                yuan("deviceCost", form.get("deviceCost"), problems),
                integer("visits", form.get("visits"), problems),
                integer("visitMinutes", form.get("visitMinutes"), problems),
                integer("monthsUsedInValidity", form.get("monthsUsedInValidity"), problems));
        try { // also with unreadable fields (left out), so that every other bad field is reported at once
            MonthSettlement settled = calculator.calculate(request);
            result = problems.isEmpty() ? settled : null;
        } catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String field = pageField(p.field());
            errors.merge(field, messages.getMessage("problem." + p.code(), p.args().toArray(), p.code(), locale),
                    (a, b) -> a + " " + b);
        }
        return render(model, form, errors, result, locale);
    }

    private String render(Model model, Map<String, String> form, Map<String, String> errors,
                          @Nullable MonthSettlement result, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("insuredTypes", InsuredType.values());
        model.addAttribute("groups", BenefitGroup.values());
        model.addAttribute("careForms", CareForm.values());
        model.addAttribute("result", result == null ? null : view(result, locale));
        return "ltc/calculator";
    }

    private ResultView view(MonthSettlement s, Locale locale) {
        List<RowView> rows = new ArrayList<>();
        for (SettlementLine l : s.lines()) {
            rows.add(new RowView(l.category().name(), yuan(l.costFen()), yuan(l.eligibleCostFen()),
                    l.dailyLimitFen() == null ? "" : yuan(l.dailyLimitFen()),
                    l.limitFen() == null ? "" : yuan(l.limitFen()),
                    l.ratioBp() == 0 ? "" : percent(l.ratioBp()), yuan(l.fundPayFen()), yuan(l.selfPayFen()),
                    l.note() == null ? "" : text("ltc.note.", l.note(), locale)));
        }
        List<String> warnings = s.warnings().stream().map(w -> text("ltc.warning.", w, locale)).toList();
        return new ResultView(s.policyId(), s.policyDocNo(), s.month().toString(), yuan(s.totalCostFen()),
                yuan(s.fundPayFen()), yuan(s.selfPayFen()), rows, warnings);
    }

    private String text(String prefix, Finding f, Locale locale) {
        return messages.getMessage(prefix + f.code(), f.args().toArray(), f.code(), locale);
    }

    private static String percent(int basisPoints) {
        return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).formatYuan();
    }

    /** API field names carry "Fen"; the page asks for yuan. */
    private static String pageField(String apiField) {
        String base = apiField.replaceAll("\\[\\d+]$", "");
        return switch (base) {
            case "dailyLifeCareCostFen" -> "dailyLifeCareCost";
            case "dailyBedFeeFen" -> "dailyBedFee";
            case "medicalCareCostFen" -> "medicalCareCost";
            case "medicalConsumablesFen" -> "medicalConsumables";
            case "deviceCostFen" -> "deviceCost";
            default -> base;
        };
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        return null;
    }

    private static @Nullable Integer integer(String field, String value, List<FieldProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "WRONG_TYPE"));
            return null;
        }
    }

    private static @Nullable Long yuan(String field, String value, List<FieldProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Money.ofYuan(value).fen();
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "LTC_YUAN_FORMAT"));
            return null;
        }
    }

    /** Daily amounts in yuan separated by commas, spaces or new lines; "31*105" stands for 31 days of 105 元. */
    private static @Nullable List<@Nullable Long> yuanList(String field, String value,
                                                           List<FieldProblem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        List<@Nullable Long> out = new ArrayList<>();
        for (String part : value.split("[,，\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] times = part.split("[*×xX]", 2);
            int repeat = 1;
            String amount = part;
            if (times.length == 2) {
                try {
                    repeat = Integer.parseInt(times[0].trim());
                } catch (NumberFormatException e) {
                    repeat = -1;
                }
                amount = times[1];
            }
            if (repeat < 1 || repeat > 31) {
                problems.add(FieldProblem.of(field, "LTC_YUAN_FORMAT"));
                return null;
            }
            Long fen = yuan(field, amount.trim(), problems);
            if (fen == null) {
                return null;
            }
            for (int i = 0; i < repeat && out.size() <= 31; i++) {
                out.add(fen);
            }
        }
        return out;
    }

    record ResultView(String policy, String docNo, String month, String totalCost, String fundPay, String selfPay,
                      List<RowView> rows, List<String> warnings) {
    }

    record RowView(String category, String cost, String eligible, String dailyLimit, String limit, String ratio,
                   String fundPay, String selfPay, String note) {
    }
}
