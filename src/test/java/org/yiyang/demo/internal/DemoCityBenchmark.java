package org.yiyang.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.YiyangApplication;
import org.yiyang.testsupport.BenchMachine;

/**
 * Benchmark, not part of {@code mvnw verify} (the name matches neither surefire pattern). Times the real demo
 * generator building an N-elder city into a fresh embedded database, then, in the same run and on the same server,
 * a raw COPY of exactly the columns the generator stored (encrypted values included) into an identical table with the
 * same indexes; writes both figures, the ratio and the machine to {@code bench/results/demo-city-<date>.md}.
 * Run: {@code bench/demo-city.sh [elders]}.
 */
class DemoCityBenchmark {
    private static final String PERSON_COLUMNS = "id, id_number_enc, id_number_idx, name, sex, birth_date, phone_enc, "
            + "phone_idx, hukou_region, residence_region, residence_path, address_enc, living_arrangement, "
            + "household_income_fen, demo";
    private static final String TAG_COLUMNS = "person_id, tag, valid_from, valid_to";

    @Test
    void timesTheGeneratorAgainstRawCopy() throws Exception {
        long elders = Long.parseLong(System.getenv().getOrDefault("BENCH_ELDERS", "100000"));
        Path dir = Path.of(System.getenv().getOrDefault("BENCH_DATA_DIR", "target/bench-data")).toAbsolutePath();
        BenchMachine.wipe(dir);
        Files.createDirectories(dir);
        long freeGb = Files.getFileStore(dir).getUsableSpace() >> 30;
        long neededGb = 2 + elders * 4 / 1_000_000;
        assertThat(freeGb).as("free disk space in GB (need about %d)", neededGb).isGreaterThanOrEqualTo(neededGb);

        try (var context = new SpringApplicationBuilder(YiyangApplication.class).run("--server.port=0",
                "--yiyang.data-dir=" + dir, "--yiyang.demo.enabled=false", "--yiyang.demo.elders=" + elders,
                "--yiyang.db.pool-size=4", "--spring.main.banner-mode=off")) {
            var generator = context.getBean(DemoCityGenerator.class);
            var jdbc = context.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            generator.ensureRegions();
            generator.ensureFacilities();
            long t1 = System.nanoTime();
            generator.ensureResidents();
            long t2 = System.nanoTime();
            long persons = jdbc.sql("select count(*) from person").query(Long.class).single();
            long tags = jdbc.sql("select count(*) from person_tag").query(Long.class).single();
            assertThat(persons).isEqualTo(elders);

            Path personFile = dir.resolve("person.copy");
            Path tagFile = dir.resolve("person_tag.copy");
            double copySeconds;
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                try (OutputStream out = Files.newOutputStream(personFile)) {
                    copy.copyOut("copy (select " + PERSON_COLUMNS + " from person) to stdout", out);
                }
                try (OutputStream out = Files.newOutputStream(tagFile)) {
                    copy.copyOut("copy (select " + TAG_COLUMNS + " from person_tag) to stdout", out);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("drop table if exists person_copy, person_tag_copy");
                    s.execute("create table person_copy (like person including all)");
                    s.execute("create table person_tag_copy (like person_tag including all)");
                }
                // a checkpoint needs the owner (the application role may not), so both runs start with clean buffers
                try (Connection owner = context.getBean("migrationDataSource", DataSource.class).getConnection();
                     Statement s = owner.createStatement()) {
                    s.execute("checkpoint");
                }
                c.setAutoCommit(false);
                long c0 = System.nanoTime();
                try (InputStream in = Files.newInputStream(personFile)) {
                    copy.copyIn("copy person_copy (" + PERSON_COLUMNS + ") from stdin", in, 1 << 20);
                }
                try (InputStream in = Files.newInputStream(tagFile)) {
                    copy.copyIn("copy person_tag_copy (" + TAG_COLUMNS + ") from stdin", in, 1 << 20);
                }
                c.commit();
                copySeconds = (System.nanoTime() - c0) / 1e9;
                c.setAutoCommit(true);
            }
            double setupSeconds = (t1 - t0) / 1e9;
            double residentSeconds = (t2 - t1) / 1e9;
            write(elders, persons, tags, setupSeconds, residentSeconds, copySeconds, Files.size(personFile)
                    + Files.size(tagFile), freeGb);
            Files.deleteIfExists(personFile);
            Files.deleteIfExists(tagFile);
        }
        BenchMachine.wipe(dir);
    }

    private static void write(long elders, long persons, long tags, double setup, double residents, double copy,
                              long bytes, long freeGb) throws IOException, InterruptedException {
        var md = new StringBuilder();
        md.append("# Demo city generation vs raw COPY — ").append(LocalDate.now()).append("\n\n");
        md.append("Generated by `bench/demo-city.sh ").append(elders).append("` (`DemoCityBenchmark`).\n\n");
        md.append("| Measure | Value |\n|---|---|\n");
        md.append("| Elders configured / persons written / tags written | ").append(elders).append(" / ")
                .append(persons).append(" / ").append(tags).append(" |\n");
        md.append(String.format(Locale.ROOT, "| Regions + facilities (generator) | %.1f s |%n", setup));
        md.append(String.format(Locale.ROOT, "| Residents through the real generator (generate, encrypt, COPY, "
                + "commit per 10,000-elder chunk, job progress) | %.1f s (%.0f elders/s) |%n", residents,
                persons / residents));
        md.append(String.format(Locale.ROOT, "| Raw COPY of the same stored columns of person + person_tag into "
                + "identical tables with the same indexes (one transaction) | %.1f s (%.0f rows/s) |%n", copy,
                persons / copy));
        md.append(String.format(Locale.ROOT, "| **Ratio generator / raw COPY** (target ≤ 2) | **%.2f** |%n",
                residents / copy));
        md.append(String.format(Locale.ROOT, "| Size of the COPY text files | %.0f MB |%n", bytes / 1e6));
        md.append("| Free disk before the run | ").append(freeGb).append(" GB |\n\n");
        md.append(BenchMachine.section()).append("\n");
        md.append("Both figures come from the same embedded PostgreSQL 17 server in the same run. The raw COPY reads ")
                .append("text files exported with `COPY (select …) TO STDOUT` after generation and streams them ")
                .append("through the JDBC driver's `COPY … FROM STDIN`, the same transport the generator uses; ")
                .append("its tables were created `LIKE person INCLUDING ALL` (same indexes: unique blind index, ")
                .append("GiST on the ltree path, GIN trigram on the name, partial phone index). The machine is ")
                .append("shared with other builds, so single runs are noisy.\n");
        Path out = Path.of("bench", "results", "demo-city-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }



}
