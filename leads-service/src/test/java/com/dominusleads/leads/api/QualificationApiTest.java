package com.dominusleads.leads.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.dominusleads.events.Topics;
import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.events.message.ContactOptedOut;
import com.dominusleads.events.message.MessageReplied;
import com.dominusleads.events.message.MessageSent;
import com.dominusleads.leads.DirectoryTestResource;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventProducer;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.LedgerStubTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * From a selection to leads: starting qualification under the tenant's balance policy publishes one prelead.selected
 * per company (and spends nothing); messaging's events move the funnel; each reply is classified by the playbook,
 * interest makes a lead with its lead.qualified in the same transaction, and doubt waits for a sales user.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(DirectoryTestResource.class)
@WithTestResource(LedgerStubTestResource.class)
class QualificationApiTest {

    private static final Duration APPLIED = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    EventPayloadEncoder encoder;

    private ServiceDatabase database;
    private EventProducer producer;

    @BeforeEach
    void connect() {
        database = new ServiceDatabase(pool);
        producer = new EventProducer();
        LedgerStubTestResource.down(false);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        LedgerStubTestResource.down(false);
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-qualify-start"))
    void startingPublishesOnePreleadSelectedPerCompanyWithItsContacts() {
        String tenant = "tenant-qualify-start";
        LedgerStubTestResource.balance(tenant, 5);
        String selection = selection("Contabilidade", "PE", 4);
        JsonPath preleads = given().get("/api/leads/selections/" + selection + "/preleads").then().statusCode(200)
                .extract().jsonPath();

        JsonPath started = given().post("/api/leads/selections/" + selection + "/qualification").then().statusCode(200)
                .body("status", equalTo("QUALIFYING")).body("qualificationRunId", notNullValue())
                .body("funnel.queued", equalTo(4)).body("startedBy", equalTo("ana")).extract().jsonPath();

        List<GenericRecord> events = database.outboxEvents(Topics.PRELEAD_SELECTED, tenant, PreleadSelected.class);
        assertThat(events).extracting(event -> event.get("cnpj").toString())
                .containsExactlyInAnyOrderElementsOf(preleads.getList("preleads.cnpj", String.class));
        for (int i = 0; i < 4; i++) {
            String cnpj = preleads.getString("preleads[" + i + "].cnpj");
            GenericRecord event = events.stream().filter(e -> e.get("cnpj").toString().equals(cnpj)).findFirst()
                    .orElseThrow();
            assertThat(event.get("selectionId").toString()).isEqualTo(selection);
            assertThat(event.get("qualificationRunId").toString()).isEqualTo(started.getString("qualificationRunId"));
            List<String> addresses = new ArrayList<>();
            ((List<?>) event.get("phones")).forEach(phone -> addresses.add(((GenericRecord) phone).get("e164").toString()));
            ((List<?>) event.get("emails")).forEach(email -> addresses.add(email.toString()));
            assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                    preleads.getList("preleads[" + i + "].contacts.address", String.class));
        }
        // Nothing spent: no lead, no lead.qualified; and it starts once.
        assertThat(database.count("select count(*) from outbox where tenant_id = $1 and event_type <> $2", tenant,
                Topics.PRELEAD_SELECTED)).isZero();
        given().post("/api/leads/selections/" + selection + "/qualification").then().statusCode(409)
                .body("error.code", equalTo("selection_started"));
        given().contentType(ContentType.JSON).body(Map.of("keep", 1))
                .post("/api/leads/selections/" + selection + "/trim").then().statusCode(409);
        assertThat(database.count("select count(*) from outbox where tenant_id = $1", tenant)).isEqualTo(4);
    }

    @Test
    @TestSecurity(user = "ada", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-qualify-policy"))
    void theBalancePolicyDecidesWhetherASelectionMayStart() {
        String tenant = "tenant-qualify-policy";
        String selection = selection("Advogados", "SC", 10);
        LedgerStubTestResource.balance(tenant, 0);
        given().post("/api/leads/selections/" + selection + "/qualification").then().statusCode(402)
                .body("error.code", equalTo("insufficient_credits")).body("error.details.required", equalTo(1));

        settings("COVER_EXPECTED", 30);
        LedgerStubTestResource.balance(tenant, 2);
        given().post("/api/leads/selections/" + selection + "/qualification").then().statusCode(402)
                .body("error.details.balance", equalTo(2)).body("error.details.required", equalTo(3));

        LedgerStubTestResource.down(true);
        given().post("/api/leads/selections/" + selection + "/qualification").then().statusCode(503)
                .body("error.code", equalTo("ledger_unavailable"));
        assertThat(database.count("select count(*) from outbox where tenant_id = $1", tenant)).isZero();
        given().get("/api/leads/selections/" + selection).then().body("status", equalTo("DRAFT"));

        // NONE: starts whatever the balance (the ledger is not even asked); leads wait LOCKED for credits.
        settings("NONE", 30);
        given().post("/api/leads/selections/" + selection + "/qualification").then().statusCode(200);
        assertThat(database.count("select count(*) from outbox where tenant_id = $1", tenant)).isEqualTo(10);
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-qualify-replies"))
    void repliesAreClassifiedAndInterestMakesALeadExactlyOnce() {
        String tenant = "tenant-qualify-replies";
        LedgerStubTestResource.balance(tenant, 10);
        String selection = selection("Restaurantes e bares", "CE", 5);
        given().post("/api/leads/selections/" + selection + "/qualification").then().statusCode(200);
        List<String> cnpjs = given().get("/api/leads/selections/" + selection + "/preleads").then().extract()
                .jsonPath().getList("preleads.cnpj", String.class);
        String runId = given().get("/api/leads/selections/" + selection).then().extract().path("qualificationRunId");

        List<UUID> sentEvents = cnpjs.stream().map(cnpj -> send(Topics.MESSAGE_SENT, tenant, sent(tenant, cnpj))).toList();
        UUID interest = send(Topics.MESSAGE_REPLIED, tenant, reply(tenant, cnpjs.get(0), "m-1", "Tenho interesse! Quanto custa?"));
        send(Topics.MESSAGE_REPLIED, tenant, reply(tenant, cnpjs.get(1), "m-2", "Não, obrigado"));
        send(Topics.MESSAGE_REPLIED, tenant, reply(tenant, cnpjs.get(2), "m-3", "Número errado"));
        send(Topics.MESSAGE_REPLIED, tenant, reply(tenant, cnpjs.get(3), "m-4", "Quem é?"));
        // The same inbound message again, under a new event id: still one lead.
        UUID again = send(Topics.MESSAGE_REPLIED, tenant, reply(tenant, cnpjs.get(0), "m-1", "Tenho interesse! Quanto custa?"));
        await().atMost(APPLIED).until(() -> database.processed(interest) && database.processed(again)
                && sentEvents.stream().allMatch(database::processed));

        given().get("/api/leads/selections/" + selection).then().statusCode(200)
                .body("funnel.contacted", equalTo(5)).body("funnel.replied", equalTo(4))
                .body("funnel.qualified", equalTo(1)).body("funnel.notInterested", equalTo(1))
                .body("funnel.invalid", equalTo(1)).body("funnel.needsReview", equalTo(1))
                .body("funnel.noAnswer", equalTo(0));
        assertThat(database.count("select count(*) from lead where tenant_id = $1 and cnpj = $2"
                + " and qualification_run_id = $3 and conversation_id = $4", tenant, cnpjs.get(0), runId,
                "conversation-" + cnpjs.get(0))).isOne();
        assertThat(database.outboxEvents(Topics.LEAD_QUALIFIED, tenant,
                com.dominusleads.events.lead.LeadQualified.class)).hasSize(1);

        // The undecided reply waits for a person, who qualifies it: a second lead, once.
        given().get("/api/leads/reviews").then().statusCode(200)
                .body("reviews.cnpj", equalTo(List.of(cnpjs.get(3))))
                .body("reviews[0].replies.text", equalTo(List.of("Quem é?")))
                .body("reviews[0].replies[0].outcome", equalTo("NEEDS_REVIEW"));
        given().contentType(ContentType.JSON).body(Map.of("decision", "QUALIFIED"))
                .post("/api/leads/reviews/" + cnpjs.get(3)).then().statusCode(200)
                .body("status", equalTo("QUALIFIED")).body("lead.score", equalTo(100));
        given().contentType(ContentType.JSON).body(Map.of("decision", "QUALIFIED"))
                .post("/api/leads/reviews/" + cnpjs.get(3)).then().statusCode(409)
                .body("error.code", equalTo("prelead_decided"));
        given().contentType(ContentType.JSON).body(Map.of("decision", "MAYBE"))
                .post("/api/leads/reviews/" + cnpjs.get(1)).then().statusCode(400);
        given().get("/api/leads/reviews").then().body("reviews", equalTo(List.of()));
        assertThat(database.outboxEvents(Topics.LEAD_QUALIFIED, tenant,
                com.dominusleads.events.lead.LeadQualified.class)).hasSize(2);

        // An opt-out ends a pre-lead still in play.
        UUID optOut = send(Topics.CONTACT_OPTED_OUT, tenant, ContactOptedOut.newBuilder().setTenantId(tenant)
                .setChannel("WHATSAPP").setAddress("+5585999990000").setCnpj(cnpjs.get(4))
                .setOccurredAt(Instant.now()).build());
        await().atMost(APPLIED).until(() -> database.processed(optOut));
        given().get("/api/leads/selections/" + selection).then().body("funnel.optedOut", equalTo(1));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-qualify-trial"))
    void repliesCanBeTriedAgainstThePlaybook() {
        given().contentType(ContentType.JSON)
                .body(Map.of("replies", List.of("Tenho interesse", "não tenho interesse agora", "Talvez")))
                .post("/api/leads/playbook/classification").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("INTERESTED", "NOT_INTERESTED", "NEEDS_REVIEW")))
                .body("results[1].matched", equalTo(List.of("nao tenho interesse")));
        given().contentType(ContentType.JSON).body(Map.of("rules", List.of(Map.of("phrase", "x", "signal", "YES"))))
                .put("/api/leads/playbook").then().statusCode(403);
    }

    private String selection(String segment, String uf, int max) {
        return given().contentType(ContentType.JSON).body(Map.of("name", segment + " " + uf,
                        "filters", Map.of("segment", segment, "uf", uf), "max", max))
                .post("/api/leads/selections").then().statusCode(201).body("size", equalTo(max)).extract().path("id");
    }

    private static void settings(String policy, int percent) {
        given().contentType(ContentType.JSON).body(Map.of("balancePolicy", policy, "expectedQualifiedPercent", percent,
                "noAnswerDays", 7)).put("/api/leads/settings").then().statusCode(200)
                .body("balancePolicy", equalTo(policy));
    }

    private static MessageSent sent(String tenant, String cnpj) {
        return MessageSent.newBuilder().setTenantId(tenant).setMessageId(UUID.randomUUID().toString())
                .setConversationId("conversation-" + cnpj).setCnpj(cnpj).setChannel("WHATSAPP").setProvider("META")
                .setRecipient("+5585999990000").setProviderMessageId(null).setOccurredAt(Instant.now()).build();
    }

    private static MessageReplied reply(String tenant, String cnpj, String messageId, String text) {
        return MessageReplied.newBuilder().setTenantId(tenant).setMessageId(messageId)
                .setConversationId("conversation-" + cnpj).setCnpj(cnpj).setChannel("WHATSAPP")
                .setSender("+5585999990000").setText(text).setOccurredAt(Instant.now()).build();
    }

    private UUID send(String topic, String tenant, SpecificRecord event) {
        UUID id = UUID.randomUUID();
        producer.send(topic, tenant, encoder.encode(event), id);
        return id;
    }
}
