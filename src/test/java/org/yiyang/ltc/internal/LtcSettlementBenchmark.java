package org.yiyang.ltc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.YiyangApplication;
import org.yiyang.testsupport.BenchMachine;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;

/**
 * Benchmark, not part of {@code mvnw verify} (the name matches neither surefire pattern). Builds a month of LTC
 * service records for N beneficiaries across Guangzhou's districts directly in SQL (accepted lines: the per-line
 * validation of submission is not part of it), then times in one run on one fresh embedded server: the settlement
 * run of the city's month (job, batches, MonthCase per beneficiary, the one engine, lines written) plus the CSV
 * statement of every provider, against a raw {@code COPY (select * from ltc_service_record where month) TO STDOUT}
 * of the same rows, discarded. It runs in demo mode (a 100-elder demo city), since the catalogue is the SAMPLE.
 * Writes {@code bench/results/ltc-settlement-<date>.md}.
 * Run: {@code bench/ltc-settlement.sh [beneficiaries]}.
 */
class LtcSettlementBenchmark {
    static final String CITY = "440100000000";
    static final String MONTH = "2026-03";

    @Test
    void timesTheSettlementAgainstRawCopy() throws Exception {
        int beneficiaries = Integer.parseInt(System.getenv().getOrDefault("BENCH_BENEFICIARIES", "10000"));
        int providers = Math.max(1, beneficiaries / 100);
        Path dir = Path.of(System.getenv().getOrDefault("BENCH_DATA_DIR", "target/bench-ltc-data")).toAbsolutePath();
        BenchMachine.wipe(dir);
        Files.createDirectories(dir);
        long freeGb = Files.getFileStore(dir).getUsableSpace() >> 30;
        long neededGb = 2 + beneficiaries * 30L / 1_000_000;
        assertThat(freeGb).as("free disk space in GB (need about %d)", neededGb).isGreaterThanOrEqualTo(neededGb);

        try (var context = new SpringApplicationBuilder(YiyangApplication.class).run("--server.port=0",
                "--yiyang.data-dir=" + dir, "--yiyang.demo.enabled=true", "--yiyang.demo.elders=100",
                "--yiyang.db.pool-size=4",
                "--spring.main.banner-mode=off")) {
            var jdbc = context.getBean(JdbcClient.class);
            var regions = context.getBean(Regions.class);
            long g0 = System.nanoTime();
            generate(jdbc, beneficiaries, providers);
            double generateSeconds = (System.nanoTime() - g0) / 1e9;
            long rows = jdbc.sql("select count(*) from ltc_service_record").query(Long.class).single();
            long items = jdbc.sql("select sum(array_length(string_to_array(items, ';'), 1))"
                    + " from ltc_service_record").query(Long.class).single();
            try (Connection owner = context.getBean("migrationDataSource", DataSource.class).getConnection()) {
                owner.createStatement().execute("vacuum analyze");
                owner.createStatement().execute("checkpoint");
            }

            var runs = context.getBean(SettlementRuns.class);
            var officer = new Actor(UUID.randomUUID(), "bench-officer", Set.of(Role.LTC_OFFICER), CITY,
                    regions.pathOf(CITY).orElseThrow(), null);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long s0 = System.nanoTime();
            var run = runs.preview(new SettlementRuns.NewRun(CITY, MONTH), officer);
            long s1 = System.nanoTime();
            long csvBytes = statement(runs, run, officer, dir.resolve("statement.csv"));
            long s2 = System.nanoTime();
            double settleSeconds = (s2 - s0) / 1e9;
            var phases = new java.util.LinkedHashMap<String, Long>(runs.lastPhases());
            phases.put("other (job, commits, gaps)", Math.max(0, (s1 - s0) / 1_000_000
                    - phases.values().stream().mapToLong(Long::longValue).sum()));
            phases.put("statement (CSV of all providers)", (s2 - s1) / 1_000_000);
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long lines = jdbc.sql("select count(*) from ltc_settlement_line where run_id = :id")
                    .param("id", run.id()).query(Long.class).single();
            assertThat(run.beneficiaries()).isEqualTo(beneficiaries);

            double copySeconds;
            long copied;
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                long c0 = System.nanoTime();
                copied = copy.copyOut("copy (select * from ltc_service_record where service_month = date '" + MONTH
                        + "-01') to stdout", OutputStream.nullOutputStream());
                copySeconds = (System.nanoTime() - c0) / 1e9;
            }
            assertThat(copied).isEqualTo(rows);
            write(beneficiaries, providers, rows, items, lines, csvBytes, generateSeconds, settleSeconds,
                    copySeconds, peakHeap, run.fundFen(), freeGb, phases);
        }
        BenchMachine.wipe(dir);
    }

    /** The CSV statement of all providers streamed to a file, as the download streams it; answers its size. */
    private static long statement(SettlementRuns runs, SettlementRuns.RunView run, Actor officer, Path file)
            throws IOException {
        try (var out = Files.newOutputStream(file)) {
            runs.writeCsv(run.id(), null, officer, out);
        }
        return Files.size(file);
    }

    /** Providers, beneficiaries over the districts, insured status and a month of accepted lines, all in SQL. */
    private static void generate(JdbcClient jdbc, int beneficiaries, int providers) {
        jdbc.sql("""
                        insert into ltc_designated_provider (id, provider_id, name, kind, agreement_no, region_code,
                          region_path, valid_from, registered_by)
                        select gen_random_uuid(), gen_random_uuid(), 'BENCH 护理站 ' || g, 'CARE',
                          'BENCH-' || lpad(g::text, 6, '0'), d.code, d.path, date '2024-01-03', gen_random_uuid()
                        from generate_series(1, :providers) g
                        join (select code, path, row_number() over (order by code) - 1 as k,
                                count(*) over () as n from region where level = 'DISTRICT') d on d.k = g % d.n
                        """).param("providers", providers).update();
        // 70 % home care, 30 % institution; levels 1–3 in turn; a third employee-insured
        jdbc.sql("""
                        insert into ltc_beneficiary (id, person_id, residence_path, benefit_group, ltc_level,
                          level_source, care_form, designated_provider_id, provider_id, valid_from, valid_to,
                          home_latitude, home_longitude, recorded_by)
                        select md5('b' || g)::uuid, md5('p' || g)::uuid, p.region_path, 'LONG_TERM', 1 + g % 3,
                          'OFFICER_ENTERED', case when g % 10 < 7 then 'HOME' else 'INSTITUTION' end, p.id,
                          p.provider_id, date '2026-01-01', date '2027-12-31',
                          case when g % 10 < 7 then 23.13 end, case when g % 10 < 7 then 113.32 end, p.registered_by
                        from generate_series(1, :n) g
                        join ltc_designated_provider p on p.agreement_no = 'BENCH-' || lpad((1 + g % :providers)::text, 6, '0')
                        """).param("n", beneficiaries).param("providers", providers).update();
        jdbc.sql("""
                        insert into ltc_insured (person_id, insured_type, valid_from, source)
                        select md5('p' || g)::uuid, case when g % 3 = 0 then 'EMPLOYEE' else 'RESIDENT' end,
                          date '2024-01-03', 'DEMO' from generate_series(1, :n) g
                        """).param("n", beneficiaries).update();
        // institution: 30 days; home A (level 3): daily visits; B (level 2): 15 visits; C (level 1): 6 visits;
        // two hours each; three life-care items, medical nursing at levels 2–3, a device day every fifth day at home
        jdbc.sql("""
                        insert into ltc_service_record (id, designated_provider_id, provider_id, record_id,
                          beneficiary_id, residence_path, service_date, service_month, settle_month, caregiver_id,
                          qualification, check_in, check_out, check_in_latitude, check_in_longitude, items,
                          bed_fee_fen, life_care_fen, medical_fen, consumables_fen, device_fen, catalogue_id,
                          content_hash, outcome, reasons, submitted_by)
                        select gen_random_uuid(), b.designated_provider_id, b.provider_id, b.id::text || '-' || d, b.id,
                          b.residence_path, date '2026-03-01' + (d - 1), date '2026-03-01', date '2026-03-01',
                          'CG-' || b.id::text, 'NURSE',
                          case when home then timestamptz '2026-03-01 01:00:00+00' + (d - 1) * interval '1 day' end,
                          case when home then timestamptz '2026-03-01 03:00:00+00' + (d - 1) * interval '1 day' end,
                          case when home then 23.13 end, case when home then 113.32 end,
                          'SAMPLE-LC-001x1;SAMPLE-LC-002x1;SAMPLE-LC-001x1'
                            || case when b.ltc_level >= 2 then ';SAMPLE-MC-001x1' else '' end
                            || case when home and d % 5 = 0 then ';SAMPLE-DV-001x1' else '' end,
                          case when home then 0 else 3000 end, 11000,
                          case when b.ltc_level >= 2 then 4000 else 0 end, 0,
                          case when home and d % 5 = 0 then 1000 else 0 end, 'GZ-LTC-CATALOGUE-SAMPLE',
                          md5(b.id::text || d), 'ACCEPTED', '{}', b.recorded_by
                        from (select *, care_form = 'HOME' as home from ltc_beneficiary) b
                        cross join generate_series(1, 30) d
                        where not b.home or b.ltc_level = 3 or (b.ltc_level = 2 and d % 2 = 1)
                          or (b.ltc_level = 1 and d % 5 = 1)
                        """).update();
    }

    private static void write(int beneficiaries, int providers, long rows, long items, long lines, long csvBytes,
                              double generate, double settle, double copy, long peakHeap, long fundFen, long freeGb,
                              java.util.Map<String, Long> phases)
            throws IOException, InterruptedException {
        var md = new StringBuilder();
        md.append("# LTC settlement run vs raw COPY — ").append(LocalDate.now()).append("\n\n");
        md.append("Generated by `bench/ltc-settlement.sh ").append(beneficiaries)
                .append("` (`LtcSettlementBenchmark`).\n\n");
        md.append("| Measure | Value |\n|---|---|\n");
        md.append("| Beneficiaries / designated providers | ").append(beneficiaries).append(" / ").append(providers)
                .append(" |\n");
        md.append("| Service-record lines of the month (visits and institution days) / item lines in them | ")
                .append(rows).append(" / ").append(items).append(" |\n");
        md.append(String.format(Locale.ROOT, "| Generating the data in SQL (not timed against anything) | %.1f s |%n",
                generate));
        md.append(String.format(Locale.ROOT, "| **Settlement run** of the city's month (job, one ordered pass over "
                + "the month's lines, batches of 1,000, one MonthCase per beneficiary, the engine, %d settlement lines written) "
                + "+ CSV statement of all providers streamed to a file (%.0f MB) | **%.1f s** |%n", lines, csvBytes / 1e6, settle));
        md.append(String.format(Locale.ROOT, "| **Raw `COPY (select * from ltc_service_record where month) TO "
                + "STDOUT`**, discarded | **%.1f s** |%n", copy));
        md.append(String.format(Locale.ROOT, "| **Ratio settlement / raw COPY** (goal ≤ 3) | **%.2f** |%n",
                settle / copy));
        md.append(String.format(Locale.ROOT, "| Peak heap used during the settlement (sum of heap pools' peaks; "
                + "max heap %d MB) | %d MB |%n", Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20));
        md.append(String.format(Locale.ROOT, "| Fund pays in total | %.2f 元 |%n", fundFen / 100.0));
        md.append("| Free disk before the run | ").append(freeGb).append(" GB |\n\n");
        md.append("Where the settlement's time goes (wall clock per phase, summed over the batches):\n\n");
        md.append("| Phase | ms |\n|---|---|\n");
        phases.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append('\n');
        md.append(BenchMachine.section()).append("\n");
        md.append("The lines are generated as accepted lines in SQL: the per-line validation done at submission ")
                .append("(`POST /api/v1/ltc/service-records`) is not part of the timed settlement. The machine is ")
                .append("shared with other builds, so single runs are noisy.\n");
        Path out = Path.of("bench", "results", "ltc-settlement-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }


}
