package io.tenantprovisioning.jenkinsapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the index that annotation-indexer's processor writes in a real plugin build (that library is
 * not on Maven Central): for every annotation meta-annotated {@code @Indexed} (such as
 * {@code @Symbol}), the binary names of the classes carrying it, one a line, in
 * {@code META-INF/services/annotations/<annotation>}, merged with what an earlier round or build
 * wrote. Structs' {@code SymbolLookup} reads that file. Our own code, written from the format; it
 * never claims an annotation, so SezPoz's processor still sees {@code @Extension}.
 */
@SupportedAnnotationTypes("*")
public final class IndexedProcessor extends AbstractProcessor {

    private static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";
    private static final String FOLDER = "META-INF/services/annotations/";

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            return false;
        }
        for (TypeElement annotation : annotations) {
            if (isIndexed(annotation)) {
                Set<String> names = new TreeSet<>();
                for (Element use : round.getElementsAnnotatedWith(annotation)) {
                    if (use instanceof TypeElement type) {
                        names.add(processingEnv.getElementUtils().getBinaryName(type).toString());
                    }
                }
                write(annotation.getQualifiedName().toString(), names);
            }
        }
        return false;
    }

    private static boolean isIndexed(TypeElement annotation) {
        return annotation.getAnnotationMirrors().stream()
                .anyMatch(m -> m.getAnnotationType().toString().equals(INDEXED));
    }

    private void write(String annotation, Set<String> names) {
        String path = FOLDER + annotation;
        Set<String> all = new TreeSet<>(names);
        all.addAll(existing(path));
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (Writer out = file.openWriter()) {
                for (String name : all) {
                    out.write(name + "\n");
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
                    "cannot write " + path + ": " + e.getMessage());
        }
    }

    /** What an earlier build of the same output folder indexed (an incremental compile keeps it). */
    private Set<String> existing(String path) {
        Set<String> names = new TreeSet<>();
        try {
            FileObject file = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(names::add);
            }
        } catch (IOException | IllegalArgumentException e) {
            // nothing indexed before
        }
        return names;
    }
}
