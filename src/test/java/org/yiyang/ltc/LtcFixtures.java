package org.yiyang.ltc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.yiyang.ltc.internal.LtcPolicyReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped Guangzhou policy file, read without Spring, and a builder for months. */
public final class LtcFixtures {
    public static final String POLICY_FILE = "policy/guangzhou/ltc/2024-1.json";

    private LtcFixtures() {
    }

    public static JsonNode policyJson() {
        try (InputStream in = LtcFixtures.class.getClassLoader().getResourceAsStream(POLICY_FILE)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LtcPolicy guangzhou() {
        return LtcPolicyReader.read(policyJson(), "2024-1.json");
    }

    public static Month month(InsuredType type, int level, CareForm form) {
        return new Month(type, BenefitGroup.LONG_TERM, level, form);
    }

    public static Month continuing(InsuredType type, CareForm form) {
        return new Month(type, BenefitGroup.CONTINUING, 0, form);
    }

    /** A beneficiary-month under construction; 2026-01 (31 days) unless told. */
    public static final class Month {
        final InsuredType type;
        final BenefitGroup group;
        final int level;
        final CareForm form;
        YearMonth month = YearMonth.of(2026, 1);
        final List<Long> life = new ArrayList<>();
        final List<Long> bed = new ArrayList<>();
        long medical;
        long consumables;
        long device;
        int visits;
        int minutes;
        int used;

        Month(InsuredType type, BenefitGroup group, int level, CareForm form) {
            this.type = type;
            this.group = group;
            this.level = level;
            this.form = form;
        }

        public Month in(YearMonth m) {
            month = m;
            return this;
        }

        public Month days(int n, long lifeCareFen) {
            life.addAll(Collections.nCopies(n, lifeCareFen));
            return this;
        }

        public Month days(long... lifeCareFen) {
            for (long v : lifeCareFen) {
                life.add(v);
            }
            return this;
        }

        public Month daysWithBed(int n, long lifeCareFen, long bedFen) {
            life.addAll(Collections.nCopies(n, lifeCareFen));
            bed.addAll(Collections.nCopies(n, bedFen));
            return this;
        }

        public Month medical(long medicalFen, long consumablesFen) {
            medical = medicalFen;
            consumables = consumablesFen;
            return this;
        }

        public Month device(long fen) {
            device = fen;
            return this;
        }

        public Month visits(int count, int visitMinutes) {
            visits = count;
            minutes = visitMinutes;
            return this;
        }

        public Month used(int months) {
            used = months;
            return this;
        }

        public MonthCase build() {
            return new MonthCase(type, group, level, form, month, life, bed, medical, consumables, device, visits,
                    minutes, used);
        }
    }
}
