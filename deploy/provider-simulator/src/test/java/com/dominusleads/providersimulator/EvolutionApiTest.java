package com.dominusleads.providersimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.simulatorkit.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SignatureException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Evolution API v2's instances, sendText and webhooks; the JWTs are checked with jjwt. */
class EvolutionApiTest extends ReceivingTest {

    static final String API_KEY = "evolution-global-key";
    static final String INSTANCE = "acme-vendas";
    static final String INSTANCE_TOKEN = "B5E1C9A3-ACME-TOKEN";
    static final String JWT_KEY = "an-hs256-key-of-at-least-thirty-two-bytes";
    static final String SECRET = "per-instance-secret";

    @Override
    SimulatorOptions options(WebhookReceiver receiver) {
        return SimulatorOptions.defaults().withSeed(3).withConfig("""
                {"evolution": {"apiKey": "%s", "instances": {"%s": {"token": "%s", "number": "5511940000001",
                   "webhook": {"url": "%s", "events": ["MESSAGES_UPSERT", "MESSAGES_UPDATE", "CONNECTION_UPDATE",
                                                        "SEND_MESSAGE"],
                               "headers": {"x-evolution-secret": "%s", "jwt_key": "%s"}}}}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}
                """.formatted(API_KEY, INSTANCE, INSTANCE_TOKEN, receiver.url("/webhooks/evolution"), SECRET,
                JWT_KEY));
    }

    private HttpResponse<String> sendText(String instance, String number, String text, String key) throws Exception {
        return http.post("/message/sendText/" + instance, "{\"number\": \"" + number + "\", \"text\": \"" + text
                + "\"}", "apikey", key);
    }

    private static Claims verified(String authorization, String key) {
        assertThat(authorization).startsWith("Bearer ");
        SecretKey secret = Keys.hmacShaKeyFor(key.getBytes(StandardCharsets.UTF_8));
        return Jwts.parser().verifyWith(secret).build().parseSignedClaims(authorization.substring(7)).getPayload();
    }

    @Test
    void sendTextAnswersInEvolutionsShapeWithTheGlobalKeyOrTheInstanceToken() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990001\": \"silence\"}}}");

        HttpResponse<String> response = sendText(INSTANCE, "5511999990001", "Olá", API_KEY);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = Http.json(response);
        assertThat(body.at("/key/remoteJid").asText()).isEqualTo("5511999990001@s.whatsapp.net");
        assertThat(body.at("/key/fromMe").asBoolean()).isTrue();
        assertThat(body.at("/key/id").asText()).matches("BAE5[0-9A-F]{12}");
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.at("/message/extendedTextMessage/text").asText()).isEqualTo("Olá");
        assertThat(body.get("messageTimestamp").isIntegralNumber()).isTrue();

        assertThat(sendText(INSTANCE, "5511999990001", "De novo", INSTANCE_TOKEN).statusCode()).isEqualTo(201);
        Send send = simulator.sends().all().getFirst();
        assertThat(send.provider()).isEqualTo("evolution");
        assertThat(send.account()).isEqualTo(INSTANCE);
        assertThat(send.from()).isEqualTo("+5511940000001");
        assertThat(send.contact()).isEqualTo("+5511999990001");
    }

    @Test
    void errorsComeInEvolutionsShape() throws Exception {
        HttpResponse<String> unauthorized = sendText(INSTANCE, "5511999990001", "x", "wrong");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(Http.json(unauthorized).toString())
                .isEqualTo("{\"status\":401,\"error\":\"Unauthorized\",\"response\":{\"message\":\"Unauthorized\"}}");

        HttpResponse<String> unknown = sendText("nope", "5511999990001", "x", API_KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).at("/response/message/0").asText())
                .isEqualTo("The \"nope\" instance does not exist");

        HttpResponse<String> noText = http.post("/message/sendText/" + INSTANCE, "{\"number\": \"5511999990001\"}",
                "apikey", API_KEY);
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(Http.json(noText).at("/response/message/0").asText())
                .isEqualTo("instance requires property \"text\"");
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void findMessagesListsTheInstancesSendsNewestFirstInEvolutionsShape() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990001\": \"silence\","
                + " \"+5511999990002\": \"silence\", \"+5511999990009\": \"invalid_number\"}}}");
        Instant before = Instant.now();
        String first = Http.json(sendText(INSTANCE, "5511999990001", "Primeira", API_KEY)).at("/key/id").asText();
        String second = Http.json(sendText(INSTANCE, "5511999990001", "Segunda", API_KEY)).at("/key/id").asText();
        sendText(INSTANCE, "5511999990002", "Outro contato", API_KEY);
        sendText(INSTANCE, "5511999990009", "Recusada", API_KEY);

        JsonNode page = Http.json(http.post("/chat/findMessages/" + INSTANCE, """
                {"where": {"key": {"remoteJid": "5511999990001@s.whatsapp.net", "fromMe": true}}}""",
                "apikey", INSTANCE_TOKEN)).get("messages");

        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("pages").asInt()).isEqualTo(1);
        assertThat(page.get("currentPage").asInt()).isEqualTo(1);
        JsonNode newest = page.at("/records/0");
        assertThat(newest.at("/key/id").asText()).isEqualTo(second);
        assertThat(newest.at("/key/fromMe").asBoolean()).isTrue();
        assertThat(newest.at("/key/remoteJid").asText()).isEqualTo("5511999990001@s.whatsapp.net");
        assertThat(newest.at("/message/extendedTextMessage/text").asText()).isEqualTo("Segunda");
        assertThat(newest.get("messageTimestamp").asLong()).isBetween(before.getEpochSecond(),
                Instant.now().getEpochSecond());
        assertThat(page.at("/records/1/key/id").asText()).isEqualTo(first);

        JsonNode byId = Http.json(http.post("/chat/findMessages/" + INSTANCE,
                "{\"where\": {\"key\": {\"id\": \"" + first + "\"}}}", "apikey", API_KEY));
        assertThat(byId.at("/messages/records/0/message/extendedTextMessage/text").asText()).isEqualTo("Primeira");
        assertThat(byId.at("/messages/total").asInt()).isEqualTo(1);

        JsonNode paged = Http.json(http.post("/chat/findMessages/" + INSTANCE,
                "{\"where\": {}, \"offset\": 2, \"page\": 2}", "apikey", API_KEY)).get("messages");
        assertThat(paged.get("total").asInt()).isEqualTo(3);
        assertThat(paged.get("pages").asInt()).isEqualTo(2);
        assertThat(paged.get("records")).extracting(r -> r.at("/key/id").asText()).containsExactly(first);

        String future = Instant.now().plusSeconds(60).toString();
        JsonNode later = Http.json(http.post("/chat/findMessages/" + INSTANCE, "{\"where\": {\"messageTimestamp\":"
                + " {\"gte\": \"" + future + "\", \"lte\": \"" + future + "\"}}}", "apikey", API_KEY));
        assertThat(later.at("/messages/total").asInt()).isZero();

        assertThat(http.post("/chat/findMessages/nope", "{}", "apikey", API_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void aNumberNotOnWhatsAppIsRefusedWithExistsFalse() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990002\": \"invalid_number\"}}}");

        HttpResponse<String> response = sendText(INSTANCE, "5511999990002", "Olá", API_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode item = Http.json(response).at("/response/message/0");
        assertThat(item.get("exists").asBoolean()).isFalse();
        assertThat(item.get("jid").asText()).isEqualTo("5511999990002@s.whatsapp.net");
        assertThat(item.get("number").asText()).isEqualTo("5511999990002");
        assertThat(simulator.sends().all().getFirst().accepted()).isFalse();
    }

    @Test
    void statusesAndTheReplyCarryTheInstanceHeadersAndAJwtJjwtVerifies() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990003\": \"interested\"}}}");
        String id = Http.json(sendText(INSTANCE, "5511999990003", "Olá", API_KEY)).at("/key/id").asText();

        List<WebhookReceiver.Received> posts = receiver.await(5);

        assertThat(posts).extracting(p -> p.json().get("event").asText()).containsExactly("send.message",
                "messages.update", "messages.update", "messages.update", "messages.upsert");
        for (WebhookReceiver.Received post : posts) {
            assertThat(post.header("x-evolution-secret")).isEqualTo(SECRET);
            assertThat(post.header("jwt_key")).isNull();
            Claims claims = verified(post.header("Authorization"), JWT_KEY);
            assertThat(claims.get("app", String.class)).isEqualTo("evolution");
            assertThat(claims.get("action", String.class)).isEqualTo("webhook");
            assertThat(claims.getExpiration().getTime() - claims.getIssuedAt().getTime()).isEqualTo(600_000);
            JsonNode root = post.json();
            assertThat(root.get("instance").asText()).isEqualTo(INSTANCE);
            assertThat(root.get("apikey").asText()).isEqualTo(INSTANCE_TOKEN);
            assertThat(root.get("sender").asText()).isEqualTo("5511940000001@s.whatsapp.net");
            assertThat(root.get("server_url").asText()).isEqualTo(simulator.baseUri().toString());
            assertThat(root.get("destination").asText()).isEqualTo(receiver.url("/webhooks/evolution"));
            assertThat(root.get("date_time").asText()).endsWith("Z");
        }
        assertThat(posts.subList(1, 4)).extracting(p -> p.json().at("/data/status").asText())
                .containsExactly("SERVER_ACK", "DELIVERY_ACK", "READ");
        posts.subList(1, 4).forEach(p -> assertThat(p.json().at("/data/keyId").asText()).isEqualTo(id));

        JsonNode upsert = posts.get(4).json().get("data");
        assertThat(upsert.at("/key/remoteJid").asText()).isEqualTo("5511999990003@s.whatsapp.net");
        assertThat(upsert.at("/key/fromMe").asBoolean()).isFalse();
        assertThat(upsert.at("/key/id").asText()).isNotBlank().isNotEqualTo(id);
        assertThat(upsert.at("/message/conversation").asText()).isEqualTo("Sim, tenho interesse. Pode me ligar?");
        assertThat(upsert.get("pushName").asText()).isNotBlank();
        assertThat(upsert.get("messageTimestamp").isIntegralNumber()).isTrue();
    }

    @Test
    void staleAndForgedJwtsFailJjwtsChecks() throws Exception {
        simulator.inbound(new Inbound("evolution", "+5511999990004", INSTANCE, "oi", Inbound.Signature.VALID, 900));
        simulator.inbound(new Inbound("evolution", "+5511999990004", INSTANCE, "oi", Inbound.Signature.FORGED, 0));
        simulator.inbound(new Inbound("evolution", "+5511999990004", INSTANCE, "oi", Inbound.Signature.NONE, 0));

        List<WebhookReceiver.Received> posts = receiver.await(3);
        assertThatThrownBy(() -> verified(posts.get(0).header("Authorization"), JWT_KEY))
                .isInstanceOf(ExpiredJwtException.class);
        assertThatThrownBy(() -> verified(posts.get(1).header("Authorization"), JWT_KEY))
                .isInstanceOf(SignatureException.class);
        assertThat(posts.get(1).header("x-evolution-secret")).isNotEqualTo(SECRET);
        assertThat(posts.get(2).header("Authorization")).isNull();
        assertThat(posts.get(2).header("x-evolution-secret")).isNull();
    }

    @Test
    void anInstanceIsCreatedShowsAQrCodeAndOpensWhenThePhonePairs() throws Exception {
        HttpResponse<String> created = http.post("/instance/create", """
                {"instanceName": "novo", "integration": "WHATSAPP-BAILEYS", "qrcode": false}""", "apikey", API_KEY);
        assertThat(created.statusCode()).isEqualTo(201);
        String token = Http.json(created).get("hash").asText();
        assertThat(token).isNotBlank();
        assertThat(http.post("/instance/create", "{\"instanceName\": \"novo\"}", "apikey", API_KEY).statusCode())
                .isEqualTo(403);
        assertThat(http.post("/webhook/set/novo", """
                {"webhook": {"enabled": true, "url": "%s", "byEvents": true, "base64": false,
                             "events": ["CONNECTION_UPDATE", "QRCODE_UPDATED"]}}""".formatted(
                receiver.url("/evo")), "apikey", token).statusCode()).isEqualTo(201);
        assertThat(Http.json(http.get("/webhook/find/novo", "apikey", token)).get("webhookByEvents").asBoolean())
                .isTrue();
        assertThat(Http.json(http.get("/instance/connectionState/novo", "apikey", token)).at("/instance/state")
                .asText()).isEqualTo("close");
        assertThat(sendText("novo", "5511999990005", "x", token).statusCode()).isEqualTo(400);

        JsonNode qr = Http.json(http.get("/instance/connect/novo?number=5511940000002", "apikey", token));
        assertThat(qr.get("code").asText()).startsWith("2@");
        assertThat(qr.get("pairingCode").asText()).matches("[A-Z0-9]{8}");
        assertThat(qr.get("count").asInt()).isEqualTo(1);
        String base64 = qr.get("base64").asText();
        assertThat(base64).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(base64.substring("data:image/png;base64,".length()));
        assertThat(png).startsWith(new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        assertThat(Http.json(http.get("/instance/connectionState/novo", "apikey", token)).at("/instance/state")
                .asText()).isEqualTo("connecting");

        JsonNode paired = new Http(simulator.baseUri()).admin("/_simulator/evolution/novo/pair", "{}");
        assertThat(paired.get("state").asText()).isEqualTo("open");

        List<WebhookReceiver.Received> events = receiver.await(2);
        assertThat(events.get(0).path()).isEqualTo("/evo/qrcode-updated");
        assertThat(events.get(1).path()).isEqualTo("/evo/connection-update");
        JsonNode update = events.get(1).json();
        assertThat(update.at("/data/state").asText()).isEqualTo("open");
        assertThat(update.at("/data/wuid").asText()).isEqualTo("5511940000002@s.whatsapp.net");
        assertThat(Http.json(http.get("/instance/connectionState/novo", "apikey", token)).at("/instance/state")
                .asText()).isEqualTo("open");
        assertThat(Http.json(http.get("/instance/connect/novo", "apikey", token)).at("/instance/state").asText())
                .isEqualTo("open");
        assertThat(sendText("novo", "5511999990005", "x", token).statusCode()).isEqualTo(201);

        assertThat(http.delete("/instance/logout/novo", "apikey", token).statusCode()).isEqualTo(200);
        assertThat(receiver.await(3).get(2).json().at("/data/state").asText()).isEqualTo("close");
        JsonNode instances = Http.json(http.get("/instance/fetchInstances", "apikey", API_KEY));
        assertThat(instances).extracting(i -> i.get("name").asText()).containsExactly(INSTANCE, "novo");
        assertThat(Http.json(http.get("/instance/fetchInstances", "apikey", token))).hasSize(1);
    }
}
