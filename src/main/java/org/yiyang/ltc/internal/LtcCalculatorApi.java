package org.yiyang.ltc.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.ltc.Finding;
import org.yiyang.ltc.MonthSettlement;
import org.yiyang.ltc.SettlementLine;
import org.yiyang.shared.Access;

/** The LTC calculator: one beneficiary-month given inline, settled by the settlement engine; nothing is stored. */
@PreAuthorize(Access.LTC)
@RestController
@RequestMapping("/api/v1/ltc")
@Tag(name = "ltc", description = "Long-term care insurance (长护险)")
class LtcCalculatorApi {
    private final LtcCalculator calculator;
    private final MessageSource messages;

    LtcCalculatorApi(LtcCalculator calculator, MessageSource messages) {
        this.calculator = calculator;
        this.messages = messages;
    }

    @PostMapping("/calculate")
    @Operation(summary = "Settle one beneficiary-month given inline (fund share and own share per category)",
            description = "Amounts in fen, ratios in basis points. 422 naming each field that makes no sense.")
    CalculationResult calculate(@RequestBody CalculationRequest request, Locale locale) {
        MonthSettlement s = calculator.calculate(request);
        List<LineView> lines = s.lines().stream().map(l -> line(l, locale)).toList();
        List<FindingView> warnings = s.warnings().stream()
                .map(w -> new FindingView(w.code(), text("ltc.warning." + w.code(), w, locale))).toList();
        return new CalculationResult(s.policyId(), s.policyDocNo(), s.month().toString(), s.totalCostFen(),
                s.fundPayFen(), s.selfPayFen(), lines, warnings);
    }

    private LineView line(SettlementLine l, Locale locale) {
        Finding note = l.note();
        return new LineView(l.category().name(), l.costFen(), l.eligibleCostFen(), l.dailyLimitFen(), l.limitFen(),
                l.limitKind() == null ? null : l.limitKind().name(), l.ratioBp(), l.fundPayFen(), l.selfPayFen(),
                note == null ? null : note.code(), note == null ? null : text("ltc.note." + note.code(), note, locale),
                l.policyId());
    }

    private String text(String key, Finding finding, Locale locale) {
        return messages.getMessage(key, finding.args().toArray(), key, locale);
    }

    /** The answer: the fund's share, the insured person's share (total cost minus fund pay), lines and warnings. */
    record CalculationResult(String policy, String policyDocNo, String month, long totalCostFen, long fundPayFen,
                             long selfPayFen, List<LineView> lines, List<FindingView> warnings) {
    }

    record LineView(String category, long costFen, long eligibleCostFen, @Nullable Long dailyLimitFen,
                    @Nullable Long limitFen, @Nullable String limitKind, int ratioBp, long fundPayFen,
                    long selfPayFen, @Nullable String note, @Nullable String noteText, String policy) {
    }

    record FindingView(String code, String message) {
    }
}
