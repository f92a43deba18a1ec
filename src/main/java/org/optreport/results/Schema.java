package org.optreport.results;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema a result record reads and writes ({@code landscape/v1}, ...): the value of the document's {@code schema}
 * field, checked when a document is read, so a file of another experiment or version is never read as this one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Schema {
    String value();
}
