package io.tenantprovisioning.rag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo documents Gold tenants start with, read from the classpath folder {@value #FOLDER} (the
 * repository's {@code resources/} folder). A classpath folder cannot be listed inside a jar, so
 * {@code index.txt} names the files. Each document is split into one passage per {@code ##} section.
 */
public final class DemoDocuments {

    public static final String FOLDER = "tenant-provisioning/demo-documents/";

    private DemoDocuments() {
    }

    /** Every passage of every demo document, in index order. */
    public static List<CorpusPassage> load() {
        List<CorpusPassage> passages = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                passages.addAll(parse(file, read(file)));
            }
        }
        if (passages.isEmpty()) {
            throw new IllegalStateException("demo documents: " + FOLDER + "index.txt lists no documents");
        }
        return passages;
    }

    /** Splits one markdown document into passages: one per {@code ##} section (plus any text before the first). */
    static List<CorpusPassage> parse(String file, String markdown) {
        String stem = file.replaceAll("\\.md$", "");
        String title = stem;
        String section = null;
        StringBuilder body = new StringBuilder();
        List<CorpusPassage> passages = new ArrayList<>();
        for (String raw : markdown.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("## ")) {
                addPassage(passages, stem, title, section, body, file);
                section = line.substring(3).strip();
                body.setLength(0);
            } else if (line.startsWith("# ") && section == null && title.equals(stem)) {
                title = line.substring(2).strip();
            } else if (!line.isEmpty()) {
                body.append(line.replaceFirst("^([-*]|\\d+\\.)\\s+", "").replace("**", "")).append(' ');
            }
        }
        addPassage(passages, stem, title, section, body, file);
        return passages;
    }

    private static void addPassage(List<CorpusPassage> passages, String stem, String title, String section,
                                   StringBuilder body, String file) {
        String text = body.toString().strip();
        if (!text.isEmpty()) {
            String id = stem + "#" + (passages.size() + 1);
            passages.add(new CorpusPassage(id, title, section == null ? title : section, text, file));
        }
    }

    private static String read(String name) {
        try (InputStream in = DemoDocuments.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("demo document " + FOLDER + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo document " + FOLDER + name, e);
        }
    }
}
