package com.dominusleads.testsupport;

import com.dominusleads.stack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The service's own database on the shared test PostgreSQL. Argument {@code database}: the service's database
 * name (the same as in the local run). Flyway migrates it when the application starts.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("PostgresTestResource needs initArgs = @ResourceArg(name = \"database\", value = …)");
        }
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = TestStack.postgres();
        server.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                // The service runs as its own runtime role (its application.properties names it); migrations as the owner.
                "quarkus.flyway.username", PostgresServer.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at JVM exit.
    }
}
