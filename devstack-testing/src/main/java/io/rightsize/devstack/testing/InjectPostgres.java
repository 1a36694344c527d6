package io.rightsize.devstack.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test's {@code EmbeddedPostgresServer} field for {@link PostgresTestResource} to fill, so the test can stop
 * and restart the database (its data survives) to play an outage.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectPostgres {
}
