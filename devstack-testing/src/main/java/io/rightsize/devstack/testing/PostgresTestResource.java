package io.rightsize.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rightsize.devstack.FreePorts;
import io.rightsize.devstack.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a real PostgreSQL on a free port for a {@code @QuarkusTest} and points both datasources at it; a test field
 * marked {@link InjectPostgres} gets the server.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgresServer postgres;

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "test-postgres-" + UUID.randomUUID()).toAbsolutePath();
        postgres = new EmbeddedPostgresServer(dir.resolve("data"), Path.of("target", "postgres-binaries")
                .toAbsolutePath(), FreePorts.find()).start();
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres,
                new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class, EmbeddedPostgresServer.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
