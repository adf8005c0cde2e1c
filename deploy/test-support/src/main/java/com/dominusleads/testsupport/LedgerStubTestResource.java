package com.dominusleads.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for ledger-service's two balance endpoints, with its authorization rules reduced to what the usage
 * reports and the qualification's balance policy rely on, read from the forwarded bearer token (the one {@code @OidcSecurity} makes for the test's caller):
 * a token with the host-admin role reads any tenant's balance, a token with a {@code tenant_id} claim reads that
 * tenant's own; no token is a 401. A forwarded {@code X-API-KEY} is a host API key the test registered
 * ({@link #apiKey}): a tenant's key reads its tenant's own balance, a platform key any tenant's. The user name of
 * every token received is kept (a key's {@code api-key:<prefix>}), so tests see whose credential was forwarded.
 */
public class LedgerStubTestResource implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Long> BALANCES = new ConcurrentHashMap<>();
    private static final List<String> CALLERS = new CopyOnWriteArrayList<>();
    private static final String PLATFORM = "";
    private static final Map<String, String> API_KEYS = new ConcurrentHashMap<>();
    private static volatile boolean down;
    private static HttpServer server;

    public static void balance(String tenantId, long balance) {
        BALANCES.put(tenantId, balance);
    }

    /** A host API key the ledger accepts, of {@code tenantId} (null: a platform key, host-admin). */
    public static void apiKey(String key, String tenantId) {
        API_KEYS.put(key, tenantId == null ? PLATFORM : tenantId);
    }

    /** Whether the ledger answers 503 to everything. */
    public static void down(boolean isDown) {
        down = isDown;
    }

    /** The user names of the tokens received, in order ("anonymous" for a request without one). */
    public static List<String> callers() {
        return List.copyOf(CALLERS);
    }

    static synchronized String start0() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/ledger", LedgerStubTestResource::answer);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "ledger-stub-stop"));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode claims = claims(exchange.getRequestHeaders().getFirst("Authorization"));
            String apiKey = exchange.getRequestHeaders().getFirst("X-API-KEY");
            String keyTenant = apiKey == null ? null : API_KEYS.get(apiKey);
            CALLERS.add(apiKey != null ? "api-key:" + apiKey.substring(0, Math.min(12, apiKey.length()))
                    : claims.path("preferred_username").asText("anonymous"));
            String path = exchange.getRequestURI().getPath();
            String tenant = null;
            if (down) {
                send(exchange, 503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"down\"}}");
                return;
            }
            boolean hostAdmin = PLATFORM.equals(keyTenant);
            for (JsonNode role : claims.path("groups")) {
                hostAdmin |= role.asText().equals("host-admin");
            }
            String ownTenant = keyTenant != null && !keyTenant.equals(PLATFORM) ? keyTenant
                    : claims.hasNonNull("tenant_id") ? claims.get("tenant_id").asText() : null;
            if (path.matches("/api/ledger/tenants/[^/]+/balance") && hostAdmin) {
                tenant = path.split("/")[4];
            } else if (path.equals("/api/ledger/balance") && ownTenant != null) {
                tenant = ownTenant;
            }
            if (tenant == null) {
                send(exchange, 401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Sign in\"}}");
                return;
            }
            send(exchange, 200, "{\"tenantId\":\"" + tenant + "\",\"balance\":" + BALANCES.getOrDefault(tenant, 0L)
                    + ",\"pendingDebits\":2,\"lowBalanceThreshold\":5}");
        }
    }

    /** The claims of a bearer JWT (the signature is not this stub's concern); empty without one. */
    private static JsonNode claims(String authorization) throws IOException {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return JSON.createObjectNode();
        }
        String[] parts = authorization.substring(7).split("\\.");
        return parts.length < 2 ? JSON.createObjectNode() : JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public Map<String, String> start() {
        String url = start0();
        return Map.of("dominus.host.ledger-url", url, "dominus.leads.ledger-url", url);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at JVM exit.
    }
}
