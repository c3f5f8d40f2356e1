package org.yiyang.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;

/**
 * Loads the real divisions of the city's policy pack ({@code policy/<city>/regions.csv}: the city and its districts)
 * at start. Idempotent; runs before anything reads regions.
 */
@Component
class RegionPackLoader {

    RegionPackLoader(Regions regions, YiyangProperties properties) {
        var file = new ClassPathResource("policy/" + properties.city() + "/regions.csv");
        List<Regions.NewRegion> rows = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                rows.add(new Regions.NewRegion(f[0], f[1].isEmpty() ? null : f[1], RegionLevel.valueOf(f[2]), f[3],
                        false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the region pack of " + properties.city() + " cannot be read", e);
        }
        regions.upsert(rows);
    }
}
