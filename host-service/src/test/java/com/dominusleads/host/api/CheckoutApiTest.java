package com.dominusleads.host.api;

import static com.dominusleads.host.BillingFixture.createPack;
import static com.dominusleads.host.BillingFixture.createPlan;
import static com.dominusleads.host.BillingFixture.stripe;
import static com.dominusleads.host.BillingFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.dominusleads.host.BillingFixture;
import com.dominusleads.testsupport.LedgerStubTestResource;
import com.dominusleads.host.StripeSimulatorTestResource;
import com.dominusleads.host.WithoutKeycloakTestResource;
import com.dominusleads.host.domain.CreditPackCatalog;
import com.dominusleads.host.domain.NewCreditPack;
import com.dominusleads.host.domain.NewPlan;
import com.dominusleads.host.domain.Plan;
import com.dominusleads.host.domain.PlanCatalog;
import com.dominusleads.stripesimulator.RequestLog;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sending tenants to Stripe: Checkout for a subscription or credit packs and the billing portal, by a host operator
 * (tenant in the path) or a tenant admin (tenant from the token only). What reaches Stripe is read back from the
 * simulator's request log.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "host"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(StripeSimulatorTestResource.class)
@WithTestResource(LedgerStubTestResource.class)
@WithTestResource(WithoutKeycloakTestResource.class)
class CheckoutApiTest {

    private static final String SELF_SERVICE_TENANT = "acme-self-service";
    private static final String SUCCESS = "https://app.example/billing/done?session={CHECKOUT_SESSION_ID}";
    private static final String CANCEL = "https://app.example/billing";

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    /** Catalog set-up for tests that run as tenant users (who may not call the catalog API). */
    @Inject
    PlanCatalog plans;

    @Inject
    CreditPackCatalog packs;

    private BillingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new BillingFixture(pool);
        StripeSimulatorTestResource.deliverTo(RestAssured.port);
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void anOperatorStartsASubscriptionCheckoutForATenantWhoseCustomerIsCreatedOnce() {
        String tenant = fixture.activeTenant();
        String plan = unique("pro");
        String price = createPlan(plan, 19_900, 500, 20).statusCode(201).extract().path("stripePriceId");
        String pack = unique("pack");
        createPack(pack, 100, 4_990).statusCode(201);

        String sessionId = subscriptionCheckout(tenant, plan).statusCode(201)
                .body("sessionId", startsWith("cs_test_")).body("url", startsWith(stripe().baseUri().toString()))
                .extract().path("sessionId");

        RequestLog.Entry customer = customerCreations(tenant).get(0);
        // Prefixed with this deployment's id: another deployment on the same Stripe account may have this tenant id.
        assertThat(customer.idempotencyKey())
                .isEqualTo(StripeSimulatorTestResource.IDEMPOTENCY_PREFIX + "-customer-" + tenant);
        assertThat(customer.form()).containsEntry("metadata[tenant_id]", tenant)
                .containsEntry("email", "admin@" + tenant + ".example");
        String customerId = fixture.database().query("select customer_id from stripe_customer where tenant_id = $1",
                tenant).iterator().next().getString(0);
        assertThat(customerId).startsWith("cus_");

        RequestLog.Entry session = sessionCreations(tenant).get(0);
        assertThat(session.form())
                .containsEntry("mode", "subscription")
                .containsEntry("customer", customerId)
                .containsEntry("line_items[0][price]", price)
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("client_reference_id", tenant)
                .containsEntry("metadata[tenant_id]", tenant)
                .containsEntry("subscription_data[metadata][tenant_id]", tenant)
                .containsEntry("subscription_data[metadata][plan_code]", plan)
                .containsEntry("success_url", SUCCESS)
                .containsEntry("cancel_url", CANCEL);
        assertThat(session.status()).isEqualTo(200);
        assertThat(sessionId).isNotBlank();

        // A second checkout bills the same customer: Stripe is not asked for another one.
        given().contentType(ContentType.JSON).body(Map.of("packCode", pack, "successUrl", SUCCESS,
                        "cancelUrl", CANCEL))
                .post("/api/host/tenants/{t}/checkout/credit-pack", tenant).then().statusCode(201);
        assertThat(customerCreations(tenant)).hasSize(1);
        assertThat(sessionCreations(tenant)).hasSize(2);
        assertThat(sessionCreations(tenant).get(1).form()).containsEntry("customer", customerId);
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = SELF_SERVICE_TENANT))
    void aTenantAdminBuysCreditPacksForItsOwnTenantWithAnInvoiceCarryingTheTenant() {
        ensureTenant(SELF_SERVICE_TENANT);
        String pack = unique("pack");
        String price = packs.create(new NewCreditPack(pack, "Pack " + pack, 100, 4_990, "brl"))
                .await().atMost(WAIT).item().stripePriceId();

        given().contentType(ContentType.JSON).body(Map.of("packCode", pack, "quantity", 3, "successUrl", SUCCESS,
                        "cancelUrl", CANCEL))
                .post("/api/host/billing/checkout/credit-pack").then().statusCode(201)
                .body("sessionId", startsWith("cs_test_"));

        RequestLog.Entry session = sessionCreations(SELF_SERVICE_TENANT).getLast();
        assertThat(session.form())
                .containsEntry("mode", "payment")
                .containsEntry("line_items[0][price]", price)
                .containsEntry("line_items[0][quantity]", "3")
                .containsEntry("client_reference_id", SELF_SERVICE_TENANT)
                .containsEntry("invoice_creation[enabled]", "true")
                .containsEntry("invoice_creation[invoice_data][metadata][tenant_id]", SELF_SERVICE_TENANT)
                .containsEntry("invoice_creation[invoice_data][metadata][pack_code]", pack)
                .doesNotContainKey("subscription_data[metadata][tenant_id]");

        given().contentType(ContentType.JSON).body(Map.of("returnUrl", CANCEL)).post("/api/host/billing/portal")
                .then().statusCode(201).body("url", containsString("/billing_portal/"));
        RequestLog.Entry portal = stripe().requests().to("POST", "/v1/billing_portal/sessions").getLast();
        assertThat(portal.form()).containsEntry("return_url", CANCEL)
                .containsEntry("customer", customerOf(SELF_SERVICE_TENANT));
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = SELF_SERVICE_TENANT))
    void aTenantAdminSubscribesItsOwnTenantOnly() {
        ensureTenant(SELF_SERVICE_TENANT);
        String plan = unique("team");
        plans.create(new NewPlan(plan, "Team", 9_900, "brl", 100, new Plan.Limits(null, null, 10)))
                .await().atMost(WAIT);

        given().contentType(ContentType.JSON).body(Map.of("planCode", plan, "successUrl", SUCCESS,
                "cancelUrl", CANCEL)).post("/api/host/billing/checkout/subscription").then().statusCode(201);
        assertThat(sessionCreations(SELF_SERVICE_TENANT).getLast().form())
                .containsEntry("mode", "subscription")
                .containsEntry("subscription_data[metadata][tenant_id]", SELF_SERVICE_TENANT);

        // The host endpoints, which name a tenant, are not a tenant admin's.
        subscriptionCheckout("someone-else", plan).statusCode(403).body("error.code", equalTo("forbidden"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = SELF_SERVICE_TENANT))
    void viewersCannotPay() {
        given().contentType(ContentType.JSON).body(Map.of("returnUrl", CANCEL)).post("/api/host/billing/portal")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void checkoutsAreRefusedForUnknownOrInactiveItemsAndBadInputWithoutCallingStripe() {
        String tenant = fixture.activeTenant();
        String plan = unique("gone");
        createPlan(plan, 100, 1, 1).statusCode(201);
        given().post("/api/host/plans/{p}/deactivation", plan).then().statusCode(200);
        int before = stripe().requests().entries().size();

        subscriptionCheckout(tenant, plan).statusCode(409).body("error.code", equalTo("plan_inactive"));
        subscriptionCheckout(tenant, "no-such-plan").statusCode(404).body("error.code", equalTo("plan_not_found"));
        subscriptionCheckout("no-such-tenant", plan).statusCode(404).body("error.code", equalTo("tenant_not_found"));
        given().contentType(ContentType.JSON).body(Map.of("packCode", "x", "quantity", 0, "successUrl", "ftp://x",
                        "cancelUrl", CANCEL))
                .post("/api/host/tenants/{t}/checkout/credit-pack", tenant).then().statusCode(400)
                .body("error.code", equalTo("validation_failed"));
        given().contentType(ContentType.JSON).body(Map.of("returnUrl", CANCEL))
                .post("/api/host/tenants/{t}/billing-portal", tenant).then().statusCode(409)
                .body("error.code", equalTo("no_billing_account"));
        assertThat(stripe().requests().entries()).hasSize(before);
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void aTenantWithALiveSubscriptionChangesItInThePortalInsteadOfSubscribingTwice() {
        String tenant = fixture.activeTenant();
        String plan = unique("pro");
        createPlan(plan, 19_900, 500, 20).statusCode(201);
        String sessionId = subscriptionCheckout(tenant, plan).statusCode(201).extract().path("sessionId");
        stripe().completeCheckout(sessionId);

        subscriptionCheckout(tenant, plan).statusCode(409).body("error.code", equalTo("subscription_exists"));
        given().contentType(ContentType.JSON).body(Map.of("returnUrl", CANCEL))
                .post("/api/host/tenants/{t}/billing-portal", tenant).then().statusCode(201)
                .body("sessionId", startsWith("bps_"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void stripeRefusingARequestIsABadGatewayThatNamesTheParameterAndNeverTheKey() {
        String tenant = fixture.activeTenant();
        String plan = unique("broken");
        // A plan whose Stripe price does not exist (say, created in another Stripe account).
        fixture.database().inTransaction(tx -> tx.preparedQuery("""
                insert into plan (code, name, price_cents, monthly_credits, api_rate_per_second, stripe_product_id,
                                  stripe_price_id) values ($1, 'Broken', 100, 1, 1, 'prod_missing', $2)""")
                .execute(Tuple.of(plan, "price_missing_" + plan)));

        subscriptionCheckout(tenant, plan).statusCode(502)
                .body("error.code", equalTo("stripe_refused_request"))
                .body("error.details.param", equalTo("line_items[0][price]"))
                .body("error.message", not(containsString(StripeSimulatorTestResource.API_KEY)));
    }

    private static ValidatableResponse subscriptionCheckout(String tenant, String plan) {
        return given().contentType(ContentType.JSON).body(Map.of("planCode", plan, "successUrl", SUCCESS,
                "cancelUrl", CANCEL)).post("/api/host/tenants/{t}/checkout/subscription", tenant).then();
    }

    private static List<RequestLog.Entry> customerCreations(String tenant) {
        return stripe().requests().to("POST", "/v1/customers").stream()
                .filter(entry -> tenant.equals(entry.form().get("metadata[tenant_id]"))).toList();
    }

    private static List<RequestLog.Entry> sessionCreations(String tenant) {
        return stripe().requests().to("POST", "/v1/checkout/sessions").stream()
                .filter(entry -> tenant.equals(entry.form().get("client_reference_id"))).toList();
    }

    private String customerOf(String tenant) {
        return fixture.database().query("select customer_id from stripe_customer where tenant_id = $1", tenant)
                .iterator().next().getString(0);
    }

    /** The token's tenant exists here as provisioning would leave it. */
    private void ensureTenant(String tenantId) {
        fixture.database().inTransaction(tx -> tx.preparedQuery("""
                insert into tenant (tenant_id, display_name, status, admin_email) values ($1, $1, 'ACTIVE', $2)
                on conflict (tenant_id) do nothing""").execute(Tuple.of(tenantId, "admin@" + tenantId + ".example")));
    }
}
