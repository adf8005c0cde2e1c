package com.dominusleads.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What operations expect of every DominusLeads service, checked against the running application on real
 * PostgreSQL and Kafka. A service's test extends it and says which database it owns.
 */
public abstract class ServiceOperationsContract {

    /** The service's own database. */
    protected abstract String database();

    /** Whether the service publishes events, and so owns an outbox streamed by Debezium. */
    protected boolean publishesEvents() {
        return true;
    }

    /** Whether the service follows the tenants' statuses (it has tenant-scoped endpoints). */
    protected boolean followsTenantStatuses() {
        return true;
    }

    /** A service that just started may still be loading what it needs (the tenants' statuses): it gets a moment. */
    @BeforeEach
    void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Database connections"), containsString("Kafka")));
    }

    @Test
    void readinessWaitsForTheEventSchemasOnlyWhenTheServicePublishes() {
        var checks = given().when().get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath().getList("checks.name", String.class);
        if (publishesEvents()) {
            assertThat(checks).contains("Event schemas (Apicurio Registry)");
        } else {
            assertThat(checks).doesNotContain("Event schemas (Apicurio Registry)");
        }
        if (followsTenantStatuses()) {
            assertThat(checks).contains("Tenant statuses (tenant.created, tenant.updated)");
        }
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentDescribesTheService() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", notNullValue())
                .body("info.title", notNullValue());
    }

    @Test
    void unknownRouteAnswersTheJsonErrorContract() {
        given().when().get("/api/no-such-route").then()
                .statusCode(404)
                .contentType("application/json")
                .body("error.code", equalTo("not_found"))
                .body("error.message", notNullValue());
    }

    @Test
    void migrationsRanOnTheServiceDatabase() throws SQLException {
        try (Connection db = TestStack.postgres().connect(database())) {
            List<String> applied = column(db, "select script from flyway_schema_history where success order by installed_rank");
            assertThat(applied).isNotEmpty();
            if (publishesEvents()) {
                assertThat(applied).contains("db/outbox/V0_1__outbox.sql", "db/outbox/V0_2__outbox_replication_slot.sql");
            } else {
                assertThat(applied).noneMatch(script -> script.contains("outbox"));
            }
        }
    }

    @Test
    void outboxIsReadyForDebeziumBeforeTheFirstWrite() throws SQLException {
        try (Connection db = TestStack.postgres().connect(database())) {
            String slot = database() + "_outbox";
            List<String> slots = column(db, "select slot_name from pg_replication_slots where slot_name = ?"
                    + " and plugin = 'pgoutput' and database = current_database()", slot);
            List<String> publishedTables = column(db, "select tablename from pg_publication_tables where pubname = ?", slot);
            if (publishesEvents()) {
                assertThat(slots).containsExactly(slot);
                assertThat(publishedTables).containsExactly("outbox");
            } else {
                assertThat(slots).isEmpty();
                assertThat(publishedTables).isEmpty();
            }
        }
    }

    private static List<String> column(Connection db, String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
