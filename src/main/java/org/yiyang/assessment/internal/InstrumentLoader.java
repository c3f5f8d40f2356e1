package org.yiyang.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads an instrument file and refuses it, naming every fault, unless it passes {@link InstrumentChecks}. */
final class InstrumentLoader {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private InstrumentLoader() {
    }

    static Instrument load(String name, InputStream in) {
        Instrument instrument;
        try {
            instrument = JSON.readValue(in, Instrument.class);
        } catch (JacksonException e) {
            throw new BrokenInstrument(name, List.of("cannot be read: " + e.getOriginalMessage()));
        }
        List<String> faults = InstrumentChecks.faults(instrument);
        if (!faults.isEmpty()) {
            throw new BrokenInstrument(name, faults);
        }
        return instrument;
    }

    static Instrument load(String name, byte[] content) {
        try (InputStream in = new java.io.ByteArrayInputStream(content)) {
            return load(name, in);
        } catch (IOException e) {
            throw new BrokenInstrument(name, List.of("cannot be read: " + e.getMessage()));
        }
    }

    /** An instrument file that must not be used; the message names the file and each fault. */
    static final class BrokenInstrument extends RuntimeException {
        private final List<String> faults;

        BrokenInstrument(String name, List<String> faults) {
            super("instrument file " + name + " is broken: " + String.join("; ", faults));
            this.faults = List.copyOf(faults);
        }

        List<String> faults() {
            return faults;
        }
    }
}
