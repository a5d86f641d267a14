package org.example.restaurant.platform.polling;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that answers polls with {@link Polled}: its API description gets
 * {@code If-None-Match}, the {@code ETag} and {@code Cache-Control} of its 200 and its
 * 304 ({@link PolledListDescriptions}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PolledList {

}
