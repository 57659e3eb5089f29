package io.tenantprovisioning.cost.report;

/** Text from the registry made safe to show: control characters become visible escapes. */
final class ReportText {

    private ReportText() {
    }

    /**
     * Replaces control characters (including tab and newlines) and unpaired surrogates with
     * {@code \\uXXXX}, so a tenant name cannot move a terminal cursor, break a table row or make
     * an HTML page ill-formed. Nothing is dropped.
     */
    static String visible(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #visible} and then HTML-escaped for text and attribute values. */
    static String html(String text) {
        String clean = visible(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
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
}
