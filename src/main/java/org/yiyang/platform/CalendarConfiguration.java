package org.yiyang.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yiyang.shared.PolicyVersion;
import org.yiyang.shared.WorkingDayCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the working-day calendar of the city's policy pack ({@code policy/<city>/calendar/*.json}). */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(YiyangProperties properties) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Resource[] files = resolver.getResources("classpath*:policy/" + properties.city() + "/calendar/*.json");
        var mapper = JsonMapper.builder().build();
        List<WorkingDayCalendar.YearSchedule> years = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                years.add(parse(mapper.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("calendar file " + file.getFilename() + " cannot be read", e);
            }
        }
        return new WorkingDayCalendar(years);
    }

    static WorkingDayCalendar.YearSchedule parse(JsonNode root) {
        int year = root.get("year").asInt();
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode h : root.get("holidays")) {
            LocalDate from = LocalDate.parse(h.get("from").asString());
            LocalDate to = LocalDate.parse(h.get("to").asString());
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                holidays.add(d);
            }
        }
        Set<LocalDate> adjusted = new HashSet<>();
        for (JsonNode d : root.get("adjustedWorkingDays")) {
            adjusted.add(LocalDate.parse(d.asString()));
        }
        var source = new PolicyVersion(root.get("docNo").asString(), root.get("issuer").asString(),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                PolicyVersion.PolicyStatus.valueOf(root.get("status").asString()));
        return new WorkingDayCalendar.YearSchedule(year, holidays, adjusted, source);
    }
}
