package org.yiyang.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What benchmarks record beside their figures: the machine they ran on, and the clean-up of their data. */
public final class BenchMachine {
    private BenchMachine() {
    }

    /** A Markdown section "## Machine": cores, CPU model, load, Java and its heap, memory. */
    public static String section() throws IOException, InterruptedException {
        return "## Machine\n\n```\n"
                + "nproc: " + run("nproc").strip() + '\n'
                + "CPU: " + cpuModel() + '\n'
                + "load: " + run("uptime").strip() + '\n'
                + "Java: " + System.getProperty("java.vm.name") + ' ' + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB\n"
                + "free -g:\n" + run("free", "-g") + "```\n";
    }

    /** Deletes a benchmark's data directory, if there is one. */
    public static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String cpuModel() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
