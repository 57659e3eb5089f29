package io.tenantprovisioning.resource.objectstore;

import java.nio.charset.StandardCharsets;

/**
 * An object key both backends accept: 1-1024 UTF-8 bytes of '/'-separated segments, none of them
 * empty, "." or "..", no leading '/', no backslash or control characters. The filesystem backend maps
 * keys to paths, so these rules are what keeps a key inside its bucket directory.
 */
public record ObjectKey(String value) {

    public static final int MAX_BYTES = 1024;

    public ObjectKey {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("object key " + quoted(value) + ": " + problem);
        }
    }

    public static ObjectKey of(String value) {
        return new ObjectKey(value);
    }

    private static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "must not be empty";
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "longer than " + MAX_BYTES + " bytes";
        }
        if (key.startsWith("/")) {
            return "must be relative (no leading '/')";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                return "must not contain backslashes or control characters";
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "segments must not be empty, '.' or '..'";
            }
        }
        return null;
    }

    private static String quoted(String key) {
        if (key == null) {
            return "null";
        }
        String shown = key.length() > 80 ? key.substring(0, 77) + "..." : key;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    @Override
    public String toString() {
        return value;
    }
}
