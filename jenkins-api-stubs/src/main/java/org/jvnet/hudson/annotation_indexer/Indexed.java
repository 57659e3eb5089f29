package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/*
 * Copy of the upstream declaration (see jenkins-api-stubs/UPSTREAM.txt). The real annotation-indexer is not
 * on Maven Central, so its index is written here by io.tenantprovisioning.jenkinsapi.IndexedProcessor
 * in the same format (one binary class name a line in META-INF/services/annotations/<annotation>).
 * Omits the element validators() (it has a default and names annotation-indexer's Validator).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {
}
