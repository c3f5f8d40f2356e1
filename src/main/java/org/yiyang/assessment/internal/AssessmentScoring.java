package org.yiyang.assessment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiyang.assessment.CareLevel;
import org.yiyang.shared.InvalidInput;

/** Scores on the server with a shipped instrument and words the result in the reader's language. Stores nothing. */
@Component
public class AssessmentScoring {
    private final InstrumentCatalog catalog;
    private final MessageSource messages;

    AssessmentScoring(InstrumentCatalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    public Instrument instrument(@Nullable String code) {
        if (code == null) {
            throw InvalidInput.of("instrument", "UNKNOWN_INSTRUMENT");
        }
        return catalog.find(code).orElseThrow(() -> InvalidInput.of("instrument", "UNKNOWN_INSTRUMENT"));
    }

    /** Scores, or throws {@link InvalidInput} listing every problem. */
    public ScoreResult score(@Nullable String instrumentCode, ScoringInput input) {
        return Scoring.score(instrument(instrumentCode), input);
    }

    public String levelName(@Nullable CareLevel level, Locale locale) {
        return level == null ? "" : messages.getMessage(level.nameKey(), null, level.name(), locale);
    }

    /** The answer of the scoring endpoint (and of the form's live subtotals). */
    public Map<String, Object> view(ScoreResult r, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instrument", r.instrument());
        body.put("dimensionScores", new LinkedHashMap<>(r.dimensionScores()));
        body.put("total", r.total());
        body.put("complete", r.complete());
        body.put("missingItems", r.missingItems());
        body.put("preliminaryLevel", r.preliminaryLevel() == null ? null : r.preliminaryLevel().number());
        body.put("finalLevel", r.finalLevel() == null ? null : r.finalLevel().number());
        body.put("finalLevelName", r.finalLevel() == null ? null : levelName(r.finalLevel(), locale));
        List<Map<String, Object>> adjustments = new ArrayList<>();
        for (ScoreResult.LevelChange c : r.adjustments()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("rule", c.rule());
            a.put("reason", messages.getMessage(c.reasonKey(), c.reasonArgs().toArray(), c.reasonKey(), locale));
            a.put("fromLevel", c.from().number());
            a.put("toLevel", c.to().number());
            adjustments.add(a);
        }
        body.put("adjustments", adjustments);
        return body;
    }
}
