package com.dominusleads.testsupport;

import com.dominusleads.stack.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The shared real Keycloak, realm {@code dominus} imported from {@code deploy/keycloak/}, its mail going to
 * {@link TestStack#mail()}. Tokens for its users come from {@link Tokens}. Starting it takes tens of seconds (once
 * per JVM): tests that only need a signed token use {@code OidcWiremockTestResource} or {@code @TestSecurity}.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String base = TestStack.keycloak().toString();
        return Map.of(
                "quarkus.oidc.auth-server-url", base + "/realms/" + KeycloakServer.REALM,
                "dominus.keycloak.url", base,
                "quarkus.keycloak.admin-client.server-url", base,
                "quarkus.keycloak.admin-client.client-secret", TestStack.keycloakRealm().hostServiceSecret(),
                "dominus.services.client-secret", TestStack.keycloakRealm().servicesSecret());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at JVM exit.
    }
}
