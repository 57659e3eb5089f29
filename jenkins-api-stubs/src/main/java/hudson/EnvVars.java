package hudson;

import java.util.Map;
import java.util.TreeMap;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged); case-insensitive keys, as upstream. */
public class EnvVars extends TreeMap<String, String> {

    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }

    public String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }
}
