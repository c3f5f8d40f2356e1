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
    }
}
