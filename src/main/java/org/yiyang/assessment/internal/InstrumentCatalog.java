package org.yiyang.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The instruments shipped under {@code policy/instruments/}, loaded and checked at start-up: a broken file stops the
 * application with a message naming the file and the fault. Two configuration switches override the rule data
 * ({@code yiyang.assessment.adjustment.cumulative}, {@code yiyang.assessment.adjustment.f04f99-requires-psychiatrist});
 * left unset, the instrument file decides.
 */
@Component
public class InstrumentCatalog {
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();

    InstrumentCatalog(@Value("${yiyang.assessment.instruments:classpath:policy/instruments/*.json}") String location,
                      @Value("${yiyang.assessment.adjustment.cumulative:}") String cumulative,
                      @Value("${yiyang.assessment.adjustment.f04f99-requires-psychiatrist:}") String psychiatrist)
            throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(location)) {
            Instrument instrument;
            try (InputStream in = file.getInputStream()) {
                instrument = InstrumentLoader.load(String.valueOf(file.getFilename()), in);
            }
            if (instrument.adjustment() != null && !cumulative.isBlank()) {
                instrument = instrument.withRules(instrument.rules().withCumulative(Boolean.parseBoolean(cumulative)));
            }
            if (instrument.adjustment() != null && !psychiatrist.isBlank()) {
                instrument = instrument.withRules(
                        instrument.rules().withPsychiatristRequired(Boolean.parseBoolean(psychiatrist)));
            }
            if (instruments.putIfAbsent(instrument.code(), instrument) != null) {
                throw new IllegalStateException("instrument " + instrument.code() + " is defined twice");
            }
        }
        if (instruments.isEmpty()) {
            throw new IllegalStateException("no assessment instruments found at " + location);
        }
    }

    public java.util.Collection<Instrument> all() {
        return java.util.List.copyOf(instruments.values());
    }

    public Optional<Instrument> find(String code) {
        return Optional.ofNullable(instruments.get(code));
    }

    public Instrument get(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("unknown instrument " + code));
    }
}
