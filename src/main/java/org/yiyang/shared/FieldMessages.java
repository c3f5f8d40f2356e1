package org.yiyang.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * Problems as the messages a form shows beside its fields, in the reader's language: {@code problem.<CODE>} from the
 * message bundles with the problem's arguments, the code itself when a bundle lacks it. Never the submitted value.
 */
public final class FieldMessages {
    private FieldMessages() {
    }

    /** One message per field, in the order the fields first went wrong; a field's several problems joined. */
    public static Map<String, String> byField(List<FieldProblem> problems, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            byField.merge(p.field(), of(p, messages, locale), (a, b) -> a + " " + b);
        }
        return byField;
    }

    /** The message of one problem. */
    public static String of(FieldProblem p, MessageSource messages, Locale locale) {
        return messages.getMessage("problem." + p.code(), p.args().toArray(), p.code(), locale);
    }
}
