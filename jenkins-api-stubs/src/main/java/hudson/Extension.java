package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt). @Indexable is SezPoz's own annotation (the
 * real library): it makes SezPoz's annotation processor write META-INF/annotations/hudson.Extension,
 * the index Jenkins reads to find extensions, exactly as in a real plugin build.
 */
@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {
    double ordinal() default 0;

    boolean optional() default false;

    YesNoMaybe dynamicLoadable() default YesNoMaybe.MAYBE;
}
