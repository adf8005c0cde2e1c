package com.dominusleads.leads.api;

import static com.dominusleads.leads.LeadsFixture.CNPJ;
import static com.dominusleads.leads.LeadsFixture.OTHER_CNPJ;
import static com.dominusleads.leads.LeadsFixture.THIRD_CNPJ;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.dominusleads.events.Topics;
import com.dominusleads.events.lead.LeadStageChanged;
import com.dominusleads.events.message.MessageReplied;
import com.dominusleads.leads.DirectoryTestResource;
import com.dominusleads.leads.LeadsFixture;
import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.LeadQualification;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventProducer;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.LedgerStubTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import com.dominusleads.testsupport.TestEvents;
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
 * The leads CRM as a sales team uses it: a qualified lead arrives with its company and the contacts it was reached at,
 * hidden until it is paid for; it moves through pipeline stages (each move published), gets an owner, tags, notes and
 * activities, and its timeline tells everything that happened; leads go out and come in as CSV.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(DirectoryTestResource.class)
@WithTestResource(LedgerStubTestResource.class)
class CrmApiTest {

    private static final Duration APPLIED = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    LeadQualification qualification;

    @Inject
    EventPayloadEncoder encoder;

    private LeadsFixture leads;
    private ServiceDatabase database;
    private EventProducer producer;

    @BeforeEach
    void connect() {
        leads = new LeadsFixture(pool, qualification);
        database = new ServiceDatabase(pool);
        producer = new EventProducer();
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-crm-locked"))
    void aLeadShowsItsContactsOnlyOncePaidFor() {
        String tenant = "tenant-crm-locked";
        LedgerStubTestResource.balance(tenant, 3);
        String selection = given().contentType(ContentType.JSON).body(Map.of("name", "Dentistas",
                        "filters", Map.of("segment", "Clínicas odontológicas", "uf", "SP", "hasMobile", true), "max", 1))
                .post("/api/leads/selections").then().statusCode(201).extract().path("id");
        JsonPath prelead = given().get("/api/leads/selections/" + selection + "/preleads").then().extract().jsonPath();
        String cnpj = prelead.getString("preleads[0].cnpj");
        List<String> addresses = prelead.getList("preleads[0].contacts.address", String.class);
        given().post("/api/leads/selections/" + selection + "/qualification").then().statusCode(200);
        String sender = prelead.getString("preleads[0].contacts.find { it.kind == 'MOBILE' }.address");
        UUID replied = send(Topics.MESSAGE_REPLIED, tenant, MessageReplied.newBuilder().setTenantId(tenant)
                .setMessageId("m-crm-1").setConversationId("c-1").setCnpj(cnpj).setChannel("WHATSAPP")
                .setSender(sender).setText("Tenho interesse, pode me ligar").setOccurredAt(Instant.now()).build());
        await().atMost(APPLIED).until(() -> database.processed(replied));
        String leadId = given().get("/api/leads?q=" + cnpj).then().statusCode(200).extract().path("leads[0].id");

        // Not paid yet: the company shows, how to reach it does not (nor in the timeline).
        given().get("/api/leads/" + leadId).then().statusCode(200)
                .body("billingState", equalTo("AWAITING_CHARGE")).body("contactsHidden", equalTo(true))
                .body("contacts", equalTo(List.of())).body("company.cnpj", equalTo(cnpj))
                .body("company.phones", nullValue()).body("company.emails", nullValue())
                .body("stage", equalTo("Novo"));
        String hidden = given().get("/api/leads/" + leadId + "/timeline").then().statusCode(200).extract().asString();
        addresses.forEach(address -> assertThat(hidden).doesNotContain(address));

        UUID rejected = send(Topics.CREDIT_DEBIT_REJECTED, tenant, TestEvents.creditDebitRejected(tenant, leadId, "d-1"));
        await().atMost(APPLIED).until(() -> database.processed(rejected));
        given().get("/api/leads/" + leadId).then().body("billingState", equalTo("LOCKED"))
                .body("contacts", equalTo(List.of()));

        UUID debited = send(Topics.CREDIT_DEBITED, tenant, TestEvents.creditDebited(tenant, leadId, "d-1"));
        await().atMost(APPLIED).until(() -> database.processed(debited));
        given().get("/api/leads/" + leadId).then().body("billingState", equalTo("CHARGED"))
                .body("contactsHidden", equalTo(false)).body("company.phones.e164", hasItem(sender));
        assertThat(given().get("/api/leads/" + leadId).then().extract().jsonPath().getList("contacts.address", String.class))
                .containsExactlyInAnyOrderElementsOf(addresses);

        // Everything that happened, in order, with the reply's sender now shown.
        given().get("/api/leads/" + leadId + "/timeline").then().statusCode(200)
                .body("events.kind", equalTo(List.of("SELECTED", "QUEUED", "MESSAGE_RECEIVED", "CLASSIFIED",
                        "QUALIFIED", "LOCKED", "CHARGED")))
                .body("events[0].actor", equalTo("ana"))
                .body("events[2].data.sender", equalTo(sender))
                .body("events[2].data.outcome", equalTo("INTERESTED"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-crm-work"))
    void aLeadMovesThroughStagesWithOwnerTagsNotesAndActivities() {
        String tenant = "tenant-crm-work";
        Lead lead = leads.qualify(tenant, CNPJ);
        String id = lead.id().toString();

        given().contentType(ContentType.JSON).body(Map.of("stage", "Proposta", "owner", "ana", "tags", List.of("vip", "sp", "vip")))
                .patch("/api/leads/" + id).then().statusCode(200)
                .body("stage", equalTo("Proposta")).body("owner", equalTo("ana")).body("tags", equalTo(List.of("vip", "sp")));
        given().contentType(ContentType.JSON).body(Map.of("stage", "Fechado")).patch("/api/leads/" + id).then()
                .statusCode(400).body("error.code", equalTo("unknown_stage"))
                .body("error.details.stages", equalTo(List.of("Novo", "Em contato", "Proposta", "Negociação", "Ganho", "Perdido")));
        List<GenericRecord> moves = database.outboxEvents(Topics.LEAD_STAGE_CHANGED, tenant, LeadStageChanged.class);
        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.get("leadId").toString()).isEqualTo(id);
            assertThat(move.get("fromStage").toString()).isEqualTo("Novo");
            assertThat(move.get("toStage").toString()).isEqualTo("Proposta");
        });

        given().contentType(ContentType.JSON).body(Map.of("text", "Ligar depois das 14h"))
                .post("/api/leads/" + id + "/notes").then().statusCode(201).body("author", equalTo("ana"));
        String call = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "CALL", "title", "Apresentar proposta", "dueAt", "2026-12-01T14:00:00Z"))
                .post("/api/leads/" + id + "/activities").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("kind", "TASK", "title", "Enviar contrato"))
                .post("/api/leads/" + id + "/activities").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("kind", "LUNCH", "title", "x"))
                .post("/api/leads/" + id + "/activities").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "title", "x", "dueAt", "amanhã"))
                .post("/api/leads/" + id + "/activities").then().statusCode(400).body("error.code", equalTo("invalid_dueAt"));
        given().post("/api/leads/" + id + "/activities/" + call + "/done").then().statusCode(200);

        given().get("/api/leads/" + id + "/work").then().statusCode(200)
                .body("notes.text", equalTo(List.of("Ligar depois das 14h")))
                .body("activities.title", equalTo(List.of("Enviar contrato", "Apresentar proposta")));
        given().get("/api/leads/" + id + "/timeline").then().statusCode(200)
                .body("events.kind", equalTo(List.of("QUALIFIED", "STAGE_CHANGED", "OWNER_CHANGED", "TAGS_CHANGED",
                        "NOTE_ADDED", "ACTIVITY_ADDED", "ACTIVITY_ADDED", "ACTIVITY_DONE")))
                .body("events[1].data.from", equalTo("Novo")).body("events[1].data.to", equalTo("Proposta"))
                .body("events[1].actor", equalTo("ana"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-crm-list"))
    void theListFiltersAndPagesNewestFirst() {
        String tenant = "tenant-crm-list";
        List<String> ids = new ArrayList<>();
        for (String cnpj : List.of(CNPJ, OTHER_CNPJ, THIRD_CNPJ, "33444555000181", "44555666000181")) {
            ids.add(leads.qualify(tenant, cnpj).id().toString());
        }
        given().contentType(ContentType.JSON).body(Map.of("stage", "Ganho", "tags", List.of("vip")))
                .patch("/api/leads/" + ids.get(1)).then().statusCode(200);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().get("/api/leads?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).then()
                    .statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("leads.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(ids.reversed());
        given().get("/api/leads?stage=Ganho").then().body("leads.id", equalTo(List.of(ids.get(1))));
        given().get("/api/leads?tag=vip").then().body("leads.id", equalTo(List.of(ids.get(1))));
        given().get("/api/leads?billingState=charged").then().body("leads", equalTo(List.of()));
        given().get("/api/leads?billingState=PAID").then().statusCode(400).body("error.code", equalTo("invalid_billing_state"));
        given().get("/api/leads?cursor=xyz").then().statusCode(400).body("error.code", equalTo("invalid_cursor"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-crm-pipelines"))
    void pipelinesAreTheTenantsAndAStageInUseStays() {
        String id = leads.qualify("tenant-crm-pipelines", CNPJ).id().toString();
        given().get("/api/leads/pipelines").then().statusCode(200)
                .body("pipelines.name", equalTo(List.of("Vendas"))).body("pipelines[0].isDefault", equalTo(true));
        String pipeline = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Parcerias", "stages", List.of("Contato", "Reunião", "Parceiro")))
                .post("/api/leads/pipelines").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", "Parcerias", "stages", List.of("A", "B")))
                .post("/api/leads/pipelines").then().statusCode(409);

        given().contentType(ContentType.JSON).body(Map.of("pipelineId", pipeline)).patch("/api/leads/" + id).then()
                .statusCode(200).body("stage", equalTo("Contato"));
        given().contentType(ContentType.JSON).body(Map.of("stages", List.of("Reunião", "Parceiro")))
                .put("/api/leads/pipelines/" + pipeline + "/stages").then().statusCode(409)
                .body("error.code", equalTo("stage_in_use")).body("error.details.stages", equalTo(List.of("Contato")));
        given().contentType(ContentType.JSON).body(Map.of("stages", List.of("Contato", "Reunião", "Parceiro", "Inativo")))
                .put("/api/leads/pipelines/" + pipeline + "/stages").then().statusCode(200)
                .body("stages.size()", equalTo(4));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-crm-csv"))
    void leadsGoOutAndComeInAsCsvWithEveryRowProblemReported() {
        String tenant = "tenant-crm-csv";
        Lead existing = leads.qualify(tenant, CNPJ);
        String csv = """
                CNPJ;Razão social;Telefone;E-mail;Etapa;Tags
                11.444.777/0001-61;Padaria Sol;(11) 98765-4321;contato@padariasol.com.br;Proposta;vip|sp
                22333444000181;"Oficina; Lua";1133334444;;;
                11222333000181;Já é lead;;;;
                12345678000100;CNPJ errado;;;;
                22333444000181;Repetida;;;;
                33444555000181;Telefone ruim;12345;email-sem-arroba;Fechado;
                """;
        Map<String, String> mapping = Map.of("cnpj", "CNPJ", "companyName", "Razão social", "phone", "Telefone",
                "email", "E-mail", "stage", "Etapa", "tags", "Tags");

        given().contentType(ContentType.JSON).body(Map.of("csv", csv, "mapping", mapping, "dryRun", true))
                .post("/api/leads/imports").then().statusCode(200).body("imported", equalTo(2)).body("dryRun", equalTo(true));
        assertThat(leads.count("select count(*) from lead where tenant_id = $1", tenant)).isOne();

        JsonPath result = given().contentType(ContentType.JSON).body(Map.of("csv", csv, "mapping", mapping))
                .post("/api/leads/imports").then().statusCode(200)
                .body("rows", equalTo(6)).body("imported", equalTo(2)).extract().jsonPath();
        assertThat(result.getList("errors", Map.class)).extracting(e -> e.get("line") + " " + e.get("column") + " " + e.get("code"))
                .containsExactly("4 CNPJ already_a_lead", "5 CNPJ invalid_cnpj", "6 CNPJ duplicate_in_file",
                        "7 Telefone invalid_phone", "7 E-mail invalid_email", "7 Etapa unknown_stage");
        JsonPath padaria = given().get("/api/leads?q=Padaria").then().statusCode(200).extract().jsonPath();
        assertThat(padaria.getString("leads[0].billingState")).isEqualTo("NOT_BILLED");
        assertThat(padaria.getString("leads[0].stage")).isEqualTo("Proposta");
        assertThat(padaria.getList("leads[0].tags")).containsExactly("vip", "sp");
        assertThat(padaria.getList("leads[0].contacts.address")).containsExactlyInAnyOrder("+5511987654321",
                "contato@padariasol.com.br");
        given().get("/api/leads?q=Oficina").then().body("leads[0].contacts[0].kind", equalTo("LANDLINE"));
        given().contentType(ContentType.JSON).body(Map.of("csv", csv, "mapping", Map.of("cnpj", "Documento")))
                .post("/api/leads/imports").then().statusCode(400).body("error.code", equalTo("unknown_column"));

        String exported = given().get("/api/leads/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asString();
        List<String> lines = exported.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("cnpj,company_name,uf,municipality,stage,owner,tags,score,billing_state,"
                + "origin,qualified_at,phones,emails");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("22333444000181,Oficina; Lua,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(existing.cnpj() + ",").contains("AWAITING_CHARGE"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("11444777000161,Padaria Sol")
                .endsWith(",+5511987654321,contato@padariasol.com.br"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-crm-mine"))
    void anotherTenantsLeadCannotBeWorkedOn() {
        String theirs = leads.qualify("tenant-crm-theirs", CNPJ).id().toString();

        given().contentType(ContentType.JSON).body(Map.of("stage", "Ganho")).patch("/api/leads/" + theirs).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("text", "x")).post("/api/leads/" + theirs + "/notes").then().statusCode(404);
        given().get("/api/leads/" + theirs + "/timeline").then().statusCode(404);
        given().get("/api/leads").then().body("leads.id", not(hasItem(theirs)));
        assertThat(leads.count("select count(*) from lead_note where lead_id = $1::uuid", theirs)).isZero();
    }

    private UUID send(String topic, String tenant, SpecificRecord event) {
        UUID id = UUID.randomUUID();
        producer.send(topic, tenant, encoder.encode(event), id);
        return id;
    }
}
