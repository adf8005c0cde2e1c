package com.dominusleads.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeycloakTestResourceTest {

    private static final Logger LOG = Logger.getLogger(KeycloakTestResourceTest.class);
    private static Map<String, String> config;

    @BeforeAll
    static void startKeycloak() {
        // PostgreSQL and SMTP first, so that the time measured is Keycloak's own.
        TestStack.postgres();
        TestStack.mail();
        long begin = System.nanoTime();
        config = new KeycloakTestResource().start();
        LOG.infof("Keycloak started in %.1f s", (System.nanoTime() - begin) / 1e9);
    }

    @Test
    void theOperatorsTokenCarriesTheHostAdminRoleAndTheConfiguredIssuer() {
        JsonNode claims = Tokens.claims(Tokens.password("operator", "operator"));

        assertThat(StreamSupport.stream(claims.path("realm_access").path("roles").spliterator(), false)
                .map(JsonNode::asText)).contains("host-admin");
        assertThat(claims.path("iss").asText()).isEqualTo(config.get("quarkus.oidc.auth-server-url"));
        assertThat(config.get("dominus.keycloak.url")).isEqualTo(config.get("quarkus.keycloak.admin-client.server-url"))
                .isEqualTo(TestStack.keycloak().toString());
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> Tokens.password("operator", "not-the-password"))
                .isInstanceOfSatisfying(Tokens.Refused.class, refused -> {
                    // RFC 6749 §5.2: 400, not 401 (Keycloak 26 follows it).
                    assertThat(refused.status()).as(refused.getMessage()).isEqualTo(400);
                    assertThat(refused.error()).isEqualTo("invalid_grant");
                });
    }

    @Test
    void theRealmSendsItsMailToTheTestSmtpServer() {
        String admin = Tokens.adminConsole();
        JsonPath realm = given().auth().oauth2(admin).get(TestStack.keycloak() + "/admin/realms/dominus")
                .then().statusCode(200).extract().jsonPath();
        // The realm file says ${DOMINUS_SMTP_PORT}; Keycloak resolves it from its environment at import.
        assertThat(realm.getString("smtpServer.port")).isEqualTo(String.valueOf(TestStack.mail().getSmtp().getPort()));
        String operatorId = given().auth().oauth2(admin).queryParam("username", "operator").queryParam("exact", true)
                .get(TestStack.keycloak() + "/admin/realms/dominus/users")
                .then().statusCode(200).extract().jsonPath().getString("[0].id");

        given().auth().oauth2(admin).contentType("application/json").body(List.of("UPDATE_PASSWORD"))
                .put(TestStack.keycloak() + "/admin/realms/dominus/users/" + operatorId + "/execute-actions-email")
                .then().statusCode(204);

        Mailbox.Mail mail = Mailbox.awaitMessageTo("operator@dominusleads.local", Duration.ofSeconds(30));
        assertThat(mail.links()).anyMatch(link -> link.startsWith(TestStack.keycloak() + "/realms/dominus/login-actions/"));
    }
}
