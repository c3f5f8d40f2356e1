package org.yiyang.ltc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.ltc.LtcSettlementEngine;
import org.yiyang.ltc.ServiceCatalogue;
import org.yiyang.ltc.ServiceCatalogues;
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
