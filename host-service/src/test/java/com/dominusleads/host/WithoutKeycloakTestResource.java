package com.dominusleads.host;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * For tests that never reach Keycloak (billing, usage: tenants are inserted directly and callers come from
 * {@code @TestSecurity}): the admin client refuses to start without a client secret, so it gets one it never uses.
 */
public class WithoutKeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.keycloak.admin-client.client-secret", "not-used-in-these-tests");
    }

    @Override
    public void stop() {
    }
}
