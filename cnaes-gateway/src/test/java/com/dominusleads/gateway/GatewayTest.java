package com.dominusleads.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every gateway test starts from: both sides healthy with no calls counted, both breakers closed, an empty cache.
 * Breakers and the cache live as long as the application, which the test classes share.
 */
public abstract class GatewayTest {

    public static final String GATEWAY_KEY = "local-gateway-key";

    @Inject
    protected Pool pool;

    @Inject
    protected CircuitBreakerMaintenance breakers;

    @BeforeEach
    void startClean() {
        Simulators.reset();
        breakers.resetAll();
        execute("delete from company_cache");
    }

    protected static RequestSpecification gateway() {
        return given().header("X-API-KEY", GATEWAY_KEY).contentType(ContentType.JSON);
    }

    protected void execute(String sql) {
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(30));
    }

    protected long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
    }
}
