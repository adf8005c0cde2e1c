package com.dominusleads.providersimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.simulatorkit.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The Cloud API's send contract and the webhooks that follow, checked against Meta's documented shapes. */
class MetaCloudApiTest extends ReceivingTest {

    static final String TOKEN = "EAAG-test-access-token";
    static final String SECRET = "meta-app-secret-for-tests";
    static final String PHONE_ID = "106540352242922";

    @Override
    SimulatorOptions options(WebhookReceiver receiver) {
        return SimulatorOptions.defaults().withSeed(11).withConfig("""
                {"meta": {"appSecret": "%s", "accessTokens": ["%s"],
                          "phoneNumbers": {"%s": {"displayPhoneNumber": "+55 11 4000-0001", "wabaId": "102290129340398",
                                                  "webhookUrl": "%s", "verifyToken": "%s"}}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}
                """.formatted(SECRET, TOKEN, PHONE_ID, receiver.url("/webhooks/meta"), MetaVerification.VERIFY_TOKEN));
    }

    private HttpResponse<String> send(String body, String token) throws Exception {
        return http.post("/v21.0/" + PHONE_ID + "/messages", body, "Authorization", "Bearer " + token);
    }

    private static String text(String to, String body) {
        return """
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "%s", "type": "text",
                 "text": {"preview_url": false, "body": "%s"}}""".formatted(to, body);
    }

    @Test
    void aTextMessageIsAcceptedInMetasShapeAndLogged() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990001\": \"silence\"}}}");

        HttpResponse<String> response = send(text("+5511999990001", "Olá, tudo bem?"), TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.at("/contacts/0/input").asText()).isEqualTo("+5511999990001");
        assertThat(body.at("/contacts/0/wa_id").asText()).isEqualTo("5511999990001");
        String id = body.at("/messages/0/id").asText();
        assertThat(id).startsWith("wamid.");
        assertThat(body.at("/messages/0/message_status").isMissingNode()).isTrue();

        Send send = simulator.sends().all().getFirst();
        assertThat(send.provider()).isEqualTo("meta");
        assertThat(send.account()).isEqualTo(PHONE_ID);
        assertThat(send.from()).isEqualTo("+55 11 4000-0001");
        assertThat(send.contact()).isEqualTo("+5511999990001");
        assertThat(send.body()).isEqualTo("Olá, tudo bem?");
        assertThat(send.messageId()).isEqualTo(id);
        assertThat(send.outcome()).isEqualTo(Outcome.SILENCE);
    }

    @Test
    void aTemplateMessageIsAcceptedWithItsStatus() throws Exception {
        HttpResponse<String> response = send("""
                {"messaging_product": "whatsapp", "to": "5511999990002", "type": "template",
                 "template": {"name": "primeiro_contato", "language": {"code": "pt_BR"}}}""", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).at("/messages/0/message_status").asText()).isEqualTo("accepted");
        assertThat(simulator.sends().all().getFirst().body()).isEqualTo("primeiro_contato");
    }

    @Test
    void errorsComeInMetasShape() throws Exception {
        HttpResponse<String> badToken = send(text("+5511999990001", "x"), "not-the-token");
        assertThat(badToken.statusCode()).isEqualTo(401);
        JsonNode error = Http.json(badToken).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(190);
        assertThat(error.get("type").asText()).isEqualTo("OAuthException");
        assertThat(error.get("fbtrace_id").asText()).startsWith("A");
        assertThat(badToken.headers().firstValue("WWW-Authenticate")).isPresent();

        HttpResponse<String> noProduct = send("{\"to\": \"+5511999990001\", \"type\": \"text\","
                + " \"text\": {\"body\": \"x\"}}", TOKEN);
        assertThat(noProduct.statusCode()).isEqualTo(400);
        assertThat(Http.json(noProduct).at("/error/code").asInt()).isEqualTo(100);
        assertThat(Http.json(noProduct).at("/error/message").asText())
                .isEqualTo("(#100) The parameter messaging_product is required.");

        HttpResponse<String> noBody = send("{\"messaging_product\": \"whatsapp\", \"to\": \"+5511999990001\","
                + " \"type\": \"text\", \"text\": {}}", TOKEN);
        assertThat(Http.json(noBody).at("/error/message").asText())
                .isEqualTo("(#100) The parameter text['body'] is required.");

        HttpResponse<String> image = send("{\"messaging_product\": \"whatsapp\", \"to\": \"+5511999990001\","
                + " \"type\": \"image\", \"image\": {\"link\": \"https://x/y.png\"}}", TOKEN);
        assertThat(image.statusCode()).isEqualTo(400);
        assertThat(Http.json(image).at("/error/error_data/details").asText()).contains("text and template");

        HttpResponse<String> elsewhere = http.get("/v21.0/" + PHONE_ID, "Authorization", "Bearer " + TOKEN);
        assertThat(Http.json(elsewhere).at("/error/type").asText()).isEqualTo("GraphMethodException");

        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void anInterestedContactsStatusesAndReplyArriveSignedAndInOrder() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990001\": \"interested\"}}}");
        String id = Http.json(send(text("+5511999990001", "Olá"), TOKEN)).at("/messages/0/id").asText();

        List<WebhookReceiver.Received> posts = receiver.await(4);

        for (WebhookReceiver.Received post : posts) {
            assertThat(post.path()).isEqualTo("/webhooks/meta");
            assertThat(post.header("X-Hub-Signature-256")).isEqualTo("sha256=" + hmacSha256Hex(SECRET, post.raw()));
            assertThat(post.header("Content-Type")).isEqualTo("application/json");
            JsonNode root = post.json();
            assertThat(root.get("object").asText()).isEqualTo("whatsapp_business_account");
            assertThat(root.at("/entry/0/id").asText()).isEqualTo("102290129340398");
            assertThat(root.at("/entry/0/changes/0/field").asText()).isEqualTo("messages");
            assertThat(root.at("/entry/0/changes/0/value/metadata/phone_number_id").asText()).isEqualTo(PHONE_ID);
            assertThat(root.at("/entry/0/changes/0/value/metadata/display_phone_number").asText())
                    .isEqualTo("551140000001");
        }
        List<JsonNode> values = posts.stream().map(p -> p.json().at("/entry/0/changes/0/value")).toList();
        assertThat(values.subList(0, 3)).extracting(v -> v.at("/statuses/0/status").asText())
                .containsExactly("sent", "delivered", "read");
        values.subList(0, 3).forEach(v -> {
            assertThat(v.at("/statuses/0/id").asText()).isEqualTo(id);
            assertThat(v.at("/statuses/0/recipient_id").asText()).isEqualTo("5511999990001");
            assertThat(v.at("/statuses/0/timestamp").asText()).matches("[0-9]{10}");
        });
        assertThat(values.get(0).at("/statuses/0/conversation/id").isTextual()).isTrue();
        assertThat(values.get(0).at("/statuses/0/pricing/category").asText()).isEqualTo("service");

        JsonNode reply = values.get(3);
        assertThat(reply.at("/contacts/0/wa_id").asText()).isEqualTo("5511999990001");
        assertThat(reply.at("/messages/0/from").asText()).isEqualTo("5511999990001");
        assertThat(reply.at("/messages/0/id").asText()).startsWith("wamid.").isNotEqualTo(id);
        assertThat(reply.at("/messages/0/type").asText()).isEqualTo("text");
        assertThat(reply.at("/messages/0/text/body").asText()).isEqualTo("Sim, tenho interesse. Pode me ligar?");
    }

    @Test
    void everyStatusEchoesTheSendsCallbackDataAndAStatusOfASendWithoutNoneHasNone() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990006\": \"silence\","
                + " \"+5511999990007\": \"invalid_number\"}}}");
        String withData = """
                {"messaging_product": "whatsapp", "to": "5511999990006", "type": "text", "text": {"body": "Olá"},
                 "biz_opaque_callback_data": "0196a1b2-our-message-id"}""";
        String id = Http.json(send(withData, TOKEN)).at("/messages/0/id").asText();
        String failing = withData.replace("5511999990006", "5511999990007").replace("0196a1b2", "0196c3d4");
        String failedId = Http.json(send(failing, TOKEN)).at("/messages/0/id").asText();
        send(text("+5511999990006", "Sem dados"), TOKEN);

        assertThat(simulator.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        List<JsonNode> statuses = receiver.received().stream()
                .map(r -> r.json().at("/entry/0/changes/0/value/statuses/0")).toList();

        assertThat(statuses).filteredOn(s -> s.get("id").asText().equals(id))
                .extracting(s -> s.get("status").asText() + " " + s.path("biz_opaque_callback_data").asText())
                .containsExactly("sent 0196a1b2-our-message-id", "delivered 0196a1b2-our-message-id");
        assertThat(statuses).filteredOn(s -> s.get("id").asText().equals(failedId))
                .extracting(s -> s.get("status").asText() + " " + s.path("biz_opaque_callback_data").asText())
                .containsExactly("failed 0196c3d4-our-message-id");
        assertThat(statuses).filteredOn(s -> !s.get("id").asText().equals(id) && !s.get("id").asText().equals(failedId))
                .hasSize(2).allSatisfy(s -> assertThat(s.has("biz_opaque_callback_data")).isFalse());

        String tooLong = withData.replace("0196a1b2-our-message-id", "x".repeat(513));
        HttpResponse<String> refused = send(tooLong, TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).at("/error/code").asInt()).isEqualTo(100);
    }

    @Test
    void webhooksAreSerialisedAsMetaDoesSoOnlyTheRawBodyVerifies() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990003\": \"not_interested\"},"
                + " \"replies\": {\"not_interested\": \"Não tenho interesse, obrigado. \uD83D\uDC4D\"}}}");
        send(text("+5511999990003", "Olá"), TOKEN);

        WebhookReceiver.Received reply = receiver.await(1,
                r -> r.json().at("/entry/0/changes/0/value/messages").isArray()).getFirst();

        assertThat(reply.body()).contains("N\\u00e3o tenho interesse, obrigado. \\ud83d\\udc4d");
        assertThat(reply.json().at("/entry/0/changes/0/value/messages/0/text/body").asText())
                .isEqualTo("Não tenho interesse, obrigado. \uD83D\uDC4D");
        String reserialised = Http.JSON.writeValueAsString(reply.json());
        assertThat(reply.header("X-Hub-Signature-256"))
                .isNotEqualTo("sha256=" + hmacSha256Hex(SECRET, reserialised.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInvalidNumberFailsWithCode131026AndNeverReplies() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990004\": \"invalid_number\"}}}");
        String id = Http.json(send(text("+5511999990004", "Olá"), TOKEN)).at("/messages/0/id").asText();

        assertThat(simulator.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        List<WebhookReceiver.Received> posts = receiver.received();

        assertThat(posts).hasSize(1);
        JsonNode status = posts.getFirst().json().at("/entry/0/changes/0/value/statuses/0");
        assertThat(status.get("id").asText()).isEqualTo(id);
        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.at("/errors/0/code").asInt()).isEqualTo(131026);
        assertThat(status.at("/errors/0/title").asText()).isEqualTo("Message undeliverable");
        assertThat(status.at("/errors/0/error_data/details").asText()).isNotBlank();
        assertThat(posts.getFirst().body()).contains("https:\\/\\/developers.facebook.com");
    }

    @Test
    void forgedAndUnsignedInboundMessagesDoNotVerify() throws Exception {
        Delivery forged = simulator.inbound(new Inbound("meta", "+5511999990005", PHONE_ID, "PARE",
                Inbound.Signature.FORGED, 0));
        Delivery unsigned = simulator.inbound(new Inbound("meta", "+5511999990005", PHONE_ID, "PARE",
                Inbound.Signature.NONE, 0));
        Delivery valid = simulator.inbound(Inbound.of("meta", "+5511999990005", "oi").withTo(PHONE_ID));

        List<WebhookReceiver.Received> posts = receiver.await(3);
        assertThat(posts.get(0).header("X-Hub-Signature-256")).startsWith("sha256=")
                .isNotEqualTo("sha256=" + hmacSha256Hex(SECRET, posts.get(0).raw()));
        assertThat(posts.get(1).header("X-Hub-Signature-256")).isNull();
        assertThat(posts.get(2).header("X-Hub-Signature-256"))
                .isEqualTo("sha256=" + hmacSha256Hex(SECRET, posts.get(2).raw()));
        assertThat(List.of(forged, unsigned, valid)).allMatch(Delivery::delivered);
    }

    @Test
    void webhookVerificationIsPerformedAsMetaDoes() throws Exception {
        JsonNode verified = new Http(simulator.baseUri()).admin("/_simulator/meta/verify",
                "{\"phoneNumberId\": \"" + PHONE_ID + "\"}");
        assertThat(verified.get("verified").asBoolean()).isTrue();
        WebhookReceiver.Received get = receiver.received().getFirst();
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.url()).contains("hub.mode=subscribe").contains("hub.verify_token=the-verify-token")
                .contains("hub.challenge=" + verified.get("challenge").asText());

        JsonNode refused = new Http(simulator.baseUri()).admin("/_simulator/meta/verify",
                "{\"phoneNumberId\": \"" + PHONE_ID + "\", \"verifyToken\": \"wrong\"}");
        assertThat(refused.get("verified").asBoolean()).isFalse();
        assertThat(refused.get("status").asInt()).isEqualTo(403);
    }

    static String hmacSha256Hex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
