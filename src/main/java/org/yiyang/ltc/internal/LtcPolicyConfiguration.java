package org.yiyang.ltc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yiyang.assessment.CareLevel;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.ltc.LtcSettlementEngine;
import org.yiyang.ltc.ServiceCatalogue;
import org.yiyang.ltc.ServiceCatalogues;
import org.yiyang.platform.YiyangProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Loads the city's LTC policy versions ({@code policy/<city>/ltc/*.json}); a faulty file stops start-up. */
@Configuration(proxyBeanMethods = false)
class LtcPolicyConfiguration {

    @Bean
    LtcPolicies ltcPolicies(@Value("${yiyang.city}") String city) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Resource[] files = resolver.getResources("classpath*:policy/" + city + "/ltc/*.json");
        if (files.length == 0) {
            throw new IllegalStateException("no LTC policy file under policy/" + city + "/ltc/");
        }
        return new LtcPolicies(load(files));
    }

    /** The service-item catalogue versions; the shipped one is a SAMPLE, stamped "not for payment". */
    @Bean
    ServiceCatalogues ltcServiceCatalogues(@Value("${yiyang.city}") String city) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var mapper = JsonMapper.builder().build();
        List<ServiceCatalogue> catalogues = new ArrayList<>();
        for (Resource file : resolver.getResources("classpath*:policy/" + city + "/ltc/catalogue/*.json")) {
            try (InputStream in = file.getInputStream()) {
                catalogues.add(ServiceCatalogueReader.read(mapper.readTree(in), String.valueOf(file.getFilename())));
            } catch (JacksonException e) {
                throw new IllegalStateException("LTC catalogue file " + file.getFilename() + " is not valid JSON", e);
            }
        }
        return new ServiceCatalogues(catalogues);
    }

    /**
     * The demo pack's level mapping ({@code policy/<city>/ltc/demo/level-mapping.json}), in demo mode only; outside it,
     * or without the file, none (levels officer-entered). A faulty file stops start-up.
     */
    @Bean
    DemoLevelMapping ltcDemoLevelMapping(@Value("${yiyang.city}") String city, YiyangProperties properties)
            throws IOException {
        if (!properties.demoEnabled()) {
            return DemoLevelMapping.none();
        }
        Resource file = new PathMatchingResourcePatternResolver()
                .getResource("classpath:policy/" + city + "/ltc/demo/level-mapping.json");
        if (!file.exists()) {
            return DemoLevelMapping.none();
        }
        try (InputStream in = file.getInputStream()) {
            return readLevelMapping(JsonMapper.builder().build().readTree(in));
        } catch (JacksonException e) {
            throw new IllegalStateException("LTC demo level mapping is not valid JSON", e);
        }
    }

    static DemoLevelMapping readLevelMapping(tools.jackson.databind.JsonNode root) {
        String label = root.path("label").asString("");
        int months = root.path("validityMonths").asInt(0);
        Map<CareLevel, Integer> levels = new EnumMap<>(CareLevel.class);
        for (var entry : root.path("levels").properties()) {
            int level = entry.getValue().asInt(0);
            if (level < 1 || level > 3) {
                throw new IllegalStateException("LTC demo level mapping: level of " + entry.getKey() + " not 1-3");
            }
            levels.put(CareLevel.valueOf(entry.getKey()), level);
        }
        if (!label.contains("DEMO") || months < 1 || levels.isEmpty()) {
            throw new IllegalStateException("LTC demo level mapping needs a DEMO label, validityMonths and levels");
        }
        return new DemoLevelMapping(label, levels, months);
    }

    @Bean
    LtcSettlementEngine ltcSettlementEngine() {
        return new LtcSettlementEngine();
    }

    static List<LtcPolicy> load(Resource[] files) {
        var mapper = JsonMapper.builder().build();
        List<LtcPolicy> policies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Resource file : files) {
            String name = file.getFilename();
            try (InputStream in = file.getInputStream()) {
                LtcPolicy policy = LtcPolicyReader.read(mapper.readTree(in), String.valueOf(name));
                if (!ids.add(policy.id())) {
                    throw new IllegalStateException("LTC policy file " + name + " repeats the id " + policy.id());
                }
                policies.add(policy);
            } catch (JacksonException e) {
                throw new IllegalStateException("LTC policy file " + name + " is not valid JSON", e);
            } catch (IOException e) {
                throw new UncheckedIOException("LTC policy file " + name + " cannot be read", e);
            }
        }
        return policies;
    }
}
