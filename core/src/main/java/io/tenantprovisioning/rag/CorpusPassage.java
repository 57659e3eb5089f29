package io.tenantprovisioning.rag;

/**
 * One section of a corpus document, the unit that is embedded and retrieved.
 *
 * @param id      stable within the corpus: {@code <file stem>#<section number>}
 * @param title   the document's title (its first {@code #} heading)
 * @param section the section heading (the title for text before the first {@code ##})
 * @param text    the section's prose, markdown markers removed
 * @param source  the file the passage came from
 */
public record CorpusPassage(String id, String title, String section, String text, String source) {

    /** What is embedded: title and section give short passages their context. */
    public String embeddingText() {
        return title + " - " + section + ". " + text;
    }
}
