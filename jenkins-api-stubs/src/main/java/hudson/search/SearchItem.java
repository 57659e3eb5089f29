package hudson.search;

/* Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged). */
public interface SearchItem {
    String getSearchName();

    String getSearchUrl();

    SearchIndex getSearchIndex();
}
