package org.yiyang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold (no cycles, no use of internals, only declared dependencies); diagrams stay current. */
class ModularityTests {
    static final ApplicationModules modules = ApplicationModules.of(YiyangApplication.class);

    @Test
    void keepsToDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesModuleDiagrams() throws IOException {
        new Documenter(modules, "docs/modules").writeDocumentation();
        stabilise(Path.of("docs/modules"));
    }

    /**
     * The Documenter writes relations in hash order; sorting each run of {@code Rel(...)} lines keeps the committed
     * diagrams identical from one build to the next, so they change only when the modules do.
     */
    static void stabilise(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> out = new ArrayList<>();
                List<String> run = new ArrayList<>();
                for (String line : lines) {
                    if (line.startsWith("Rel(")) {
                        run.add(line);
                        continue;
                    }
                    Collections.sort(run);
                    out.addAll(run);
                    run.clear();
                    out.add(line);
                }
                Collections.sort(run);
                out.addAll(run);
                Files.write(file, out);
            }
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                Files.write(file, sortListsInCells(Files.readAllLines(file)));
            }
        }
    }

    /**
     * The lists inside table cells ({@code |* a} then {@code * b} …, e.g. the events a module listens to) come in
     * hash order too; they are sorted, the cell marker kept on the first item.
     */
    static List<String> sortListsInCells(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("|* ") || (!run.isEmpty() && line.startsWith("* "))) {
                run.add(line.startsWith("|") ? line.substring(1) : line);
                continue;
            }
            flush(run, out);
            out.add(line);
        }
        flush(run, out);
        return out;
    }

    private static void flush(List<String> run, List<String> out) {
        if (run.isEmpty()) {
            return;
        }
        Collections.sort(run);
        out.add("|" + run.get(0));
        out.addAll(run.subList(1, run.size()));
        run.clear();
    }
}
