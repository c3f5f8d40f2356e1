package org.yiyang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Output escaping everywhere (issue 3, ASVS 5.3.3), as a rule over the code rather than field by field: every page
 * is a Thymeleaf template, whose {@code th:text}, attribute and {@code [[…]]} output is escaped; so no template may use
 * the unescaped forms, no Java code may write HTML itself, and no script may put text into the page as markup. The
 * injection tests ({@code OutputEscapingIntegrationTests}) show the escaped output on real pages.
 */
class OutputEscapingRulesTests {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Path JAVA = Path.of("src/main/java");

    /** th:utext, unescaped inlining [( … )], and script inlining, which would hand data to JavaScript. */
    private static final Pattern UNESCAPED_IN_TEMPLATE =
            Pattern.compile("th:utext|data-th-utext|\\[\\(|th:inline\\s*=\\s*\"javascript\"");
    private static final Pattern MARKUP_FROM_SCRIPT =
            Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\.html\\(");
    private static final Pattern HTML_FROM_JAVA = Pattern.compile("TEXT_HTML|\"text/html|\"<(html|div|p|span|td|a) ");

    @Test
    void templatesUseOnlyEscapedOutput() throws IOException {
        assertThat(offending(TEMPLATES, ".html", UNESCAPED_IN_TEMPLATE)).isEmpty();
    }

    @Test
    void scriptsNeverInsertMarkup() throws IOException {
        assertThat(offending(STATIC, ".js", MARKUP_FROM_SCRIPT)).isEmpty();
    }

    @Test
    void javaCodeNeverWritesHtmlItself() throws IOException {
        assertThat(offending(JAVA, ".java", HTML_FROM_JAVA)).isEmpty();
    }

    @Test
    void theRulesCatchWhatTheyAreAbout() {
        assertThat(UNESCAPED_IN_TEMPLATE.matcher("<td th:utext=\"${p.name()}\">").find()).isTrue();
        assertThat(UNESCAPED_IN_TEMPLATE.matcher("<td>[(${p.name()})]</td>").find()).isTrue();
        assertThat(UNESCAPED_IN_TEMPLATE.matcher("<td th:text=\"${p.name()}\">[[${x}]]</td>").find()).isFalse();
        assertThat(MARKUP_FROM_SCRIPT.matcher("el.innerHTML = name;").find()).isTrue();
        assertThat(MARKUP_FROM_SCRIPT.matcher("el.textContent = name;").find()).isFalse();
        assertThat(HTML_FROM_JAVA.matcher("@GetMapping(produces = MediaType.TEXT_HTML_VALUE)").find()).isTrue();
    }

    private static List<String> offending(Path root, String suffix, Pattern pattern) throws IOException {
        List<String> hits = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return hits;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        hits.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return hits;
    }
}
