package org.example.restaurant.platform.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method whose request writes an outbox message and may come in a rush
 * (placing an order): the request first waits while the outbox's sends are behind
 * ({@link OutboxPacing}), so that the receivers get the messages soon after they were
 * written instead of after a queue that grows as long as the rush lasts.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PacedByTheOutbox {

}
