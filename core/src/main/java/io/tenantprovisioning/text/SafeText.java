package io.tenantprovisioning.text;

/**
 * Text from requests and services made safe to show in reports: nothing is ever dropped; what
 * cannot be shown as itself becomes a visible {@code \\uXXXX} escape.
 */
public final class SafeText {

    private SafeText() {
    }

    /**
     * Representable in XML 1.0: control characters other than tab, newline and carriage return, and
     * unpaired surrogates, cannot appear even as character references, so they are escaped.
     */
    public static String xml(String text) {
        return escapeWhere(text, c -> !(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)));
    }

    /**
     * Every control character (tab and newlines included) escaped too, so a tenant name cannot move a
     * terminal cursor or break a table row.
     */
    public static String singleLine(String text) {
        return escapeWhere(text, c -> Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF');
    }

    /** {@link #xml} and then escaped for HTML text and attribute values. */
    public static String html(String text) {
        return htmlEntities(xml(text));
    }

    /** {@link #singleLine} and then escaped for HTML text and attribute values. */
    public static String htmlSingleLine(String text) {
        return htmlEntities(singleLine(text));
    }

    private static String htmlEntities(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private interface CharTest {
        boolean escape(char c);
    }

    /** Paired surrogates pass through; unpaired ones are always escaped. */
    private static String escapeWhere(String text, CharTest test) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || test.escape(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
