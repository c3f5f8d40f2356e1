package org.yiyang.eligibility.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yiyang.eligibility.ServiceListVersion;
import org.yiyang.platform.YiyangProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service-list versions, compiled once and kept by code and content hash. At start it loads the city pack's
 * shipped versions ({@code policy/<city>/service-list/*.json}) and social-assistance standards; a shipped version
 * with a faulty rule stops start-up with a message naming the fault.
 */
@Component
class ServiceListCatalog {
    private static final Logger log = LoggerFactory.getLogger(ServiceListCatalog.class);

    private final ServiceListStore store;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Map<String, CompiledServiceList> compiled = new ConcurrentHashMap<>();

    ServiceListCatalog(ServiceListStore store, YiyangProperties properties) throws IOException {
        this.store = store;
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource file : resolver.getResources("classpath*:policy/" + properties.city() + "/service-list/*.json")) {
            seed(file);
        }
        Resource standards = resolver.getResource("classpath:policy/" + properties.city()
                + "/social-assistance-standards.json");
        if (standards.exists()) {
            seedStandards(standards);
        }
    }

    private void seed(Resource file) throws IOException {
        String json;
        try (InputStream in = file.getInputStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CompiledServiceList list = parse(json, "policy pack " + file.getFilename());
        ServiceListVersion v = list.version();
        Optional<ServiceListStore.Row> stored = store.find(v.code());
        if (stored.isEmpty()) {
            store.insert(new ServiceListStore.Row(v.code(), v.year(), v.docNo(), v.issuer(), v.effectiveFrom(),
                    v.effectiveTo(), "ACTIVE", json, sha256(json), true, Instant.now(), Instant.now()), null);
            log.info("Service list {} loaded from the policy pack", v.code());
        } else if (!stored.get().sha256().equals(sha256(json))) {
            log.warn("Service list {} in the policy pack differs from the stored version, which is kept;"
                    + " ship a changed list under a new code", v.code());
        }
    }

    private void seedStandards(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            for (JsonNode s : mapper.readTree(in).path("standards")) {
                store.insertStandardIfAbsent(new ServiceListStore.Standard(s.path("kind").asString(),
                        s.path("amountFen").asLong(), LocalDate.parse(s.path("effectiveFrom").asString()),
                        s.path("docNo").asString(), s.path("documentEndsOn").isString()
                        ? LocalDate.parse(s.path("documentEndsOn").asString()) : null));
            }
        } catch (JacksonException e) {
            throw new IllegalStateException("social-assistance standards file is not valid JSON", e);
        }
    }

    /** Parses and checks a document; throws {@link InvalidServiceList} with every fault. */
    CompiledServiceList parse(String json, String source) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidServiceList(source, java.util.List.of("(document): not valid JSON"));
        }
        return ServiceListReader.read(root, source);
    }

    CompiledServiceList compiled(ServiceListStore.Row row) {
        return compiled.computeIfAbsent(row.code() + ":" + row.sha256(),
                key -> parse(row.document(), "stored version " + row.code()));
    }

    Optional<CompiledServiceList> inForce(LocalDate day) {
        return store.inForce(day).map(this::compiled);
    }

    Optional<ServiceListStore.Standard> dibaoStandard(LocalDate day) {
        return store.standard("DIBAO", day);
    }

    /** The 低保 standard in force on the day in fen, as compiled rules bind it; null when none is loaded. */
    @Nullable BigDecimal dibaoStandardFen(LocalDate day) {
        return dibaoStandard(day).map(s -> BigDecimal.valueOf(s.amountFen())).orElse(null);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
