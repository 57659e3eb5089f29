package io.tenantprovisioning.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A run of text inside a {@link Line}. Text is taken as it is and escaped by the renderer; a null
 * text shows as nothing, as in {@link io.tenantprovisioning.text.SafeText}.
 */
public sealed interface Inline {

    record Plain(String text) implements Inline {
    }

    /** Text that should stand out, e.g. a total. */
    record Strong(String text) implements Inline {
    }

    /** An identifier or a literal value, shown in a monospace font. */
    record Code(String text) implements Inline {
    }

    /** The outcome as a coloured badge showing its name. */
    record Verdict(Status status) implements Inline {

        public Verdict {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A short history at a glance, oldest first: one coloured mark per outcome (e.g. the last ten
     * validation runs), each with a tooltip saying which run it was.
     */
    record Trend(List<Mark> marks) implements Inline {

        public Trend {
            marks = List.copyOf(marks);
        }

        /** One outcome: its status colours the mark and picks its symbol. */
        public record Mark(Status status, String tooltip) {

            public Mark {
                Objects.requireNonNull(status, "status");
            }
        }
    }

    /**
     * A link to a neighbouring file or a web page. Only relative, http and https targets are taken:
     * escaping keeps a target inside its attribute, but a {@code javascript:} target would still run.
     */
    record Link(String text, String href) implements Inline {

        public Link {
            Objects.requireNonNull(href, "href");
            if (!allowed(href)) {
                throw new IllegalArgumentException("only relative, http and https links are rendered: " + href);
            }
        }

        private static boolean allowed(String href) {
            int colon = href.indexOf(':');
            int pathStart = firstOf(href, "/?#");
            if (colon < 0 || (pathStart >= 0 && pathStart < colon)) {
                return true;
            }
            String scheme = href.substring(0, colon).toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https");
        }

        private static int firstOf(String text, String characters) {
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
