package hudson.search;

import java.util.List;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface SearchIndex {
    void find(String token, List<SearchItem> result);

    void suggest(String token, List<SearchItem> result);
}
