package com.dominusleads.providersimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.simulatorkit.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.security.RequestValidator;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Twilio's Messages API and its callbacks; every signature is checked by twilio-java's own {@link RequestValidator}.
 */
class TwilioApiTest extends ReceivingTest {

    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "twilio-auth-token-for-tests";
    static final String SMS_NUMBER = "+15005550006";
    static final String WHATSAPP_NUMBER = "whatsapp:+14155238886";

    @Override
    SimulatorOptions options(WebhookReceiver receiver) {
        return SimulatorOptions.defaults().withSeed(5).withConfig("""
                {"twilio": {"accounts": {"%s": "%s"},
                            "numbers": {"%s": {"inboundUrl": "%s"}, "%s": {"inboundUrl": "%s"}}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}
                """.formatted(SID, TOKEN, SMS_NUMBER, receiver.url("/twilio/sms"), WHATSAPP_NUMBER,
                receiver.url("/twilio/whatsapp")));
    }

    private HttpResponse<String> send(Map<String, String> form, String token) throws Exception {
        return http.postForm("/2010-04-01/Accounts/" + SID + "/Messages.json", encode(form),
                "Authorization", Http.basic(SID, token));
    }

    private HttpResponse<String> send(String to, String from, String body, String callback) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", from);
        form.put("Body", body);
        if (callback != null) {
            form.put("StatusCallback", callback);
        }
        return send(form, TOKEN);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static boolean validates(WebhookReceiver.Received post, String token) {
        return new RequestValidator(token).validate(post.url(), FormData.parse(post.body()),
                post.header("X-Twilio-Signature"));
    }

    @Test
    void anSmsIsAcceptedAsAQueuedMessageResource() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990001\": \"silence\"}}}");

        HttpResponse<String> response = send("+5511999990001", SMS_NUMBER, "Olá, tudo bem?", null);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode message = Http.json(response);
        assertThat(message.get("sid").asText()).matches("SM[0-9a-f]{32}");
        assertThat(message.get("account_sid").asText()).isEqualTo(SID);
        assertThat(message.get("status").asText()).isEqualTo("queued");
        assertThat(message.get("to").asText()).isEqualTo("+5511999990001");
        assertThat(message.get("from").asText()).isEqualTo(SMS_NUMBER);
        assertThat(message.get("body").asText()).isEqualTo("Olá, tudo bem?");
        assertThat(message.get("direction").asText()).isEqualTo("outbound-api");
        assertThat(message.get("api_version").asText()).isEqualTo("2010-04-01");
        assertThat(message.get("num_segments").asText()).isEqualTo("1");
        assertThat(message.get("error_code").isNull()).isTrue();
        assertThat(message.get("date_created").asText()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} "
                + "\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(message.get("uri").asText()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages/"
                + message.get("sid").asText() + ".json");

        Send send = simulator.sends().all().getFirst();
        assertThat(send.channel()).isEqualTo(Channel.SMS);
        assertThat(send.from()).isEqualTo(SMS_NUMBER);
        assertThat(send.messageId()).isEqualTo(message.get("sid").asText());
    }

    @Test
    void errorsComeInTwiliosShape() throws Exception {
        HttpResponse<String> unauthenticated = send(Map.of("To", "+5511999990001", "From", SMS_NUMBER,
                "Body", "x"), "wrong-token");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(Http.json(unauthenticated).get("code").asInt()).isEqualTo(20003);

        HttpResponse<String> invalidTo = send("+123", SMS_NUMBER, "x", null);
        assertThat(invalidTo.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(invalidTo);
        assertThat(error.get("code").asInt()).isEqualTo(21211);
        assertThat(error.get("message").asText()).isEqualTo("Invalid 'To' Phone Number: +123");
        assertThat(error.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/21211");
        assertThat(error.get("status").asInt()).isEqualTo(400);

        assertThat(Http.json(send(Map.of("To", "+5511999990001", "From", SMS_NUMBER), TOKEN))
                .get("code").asInt()).isEqualTo(21602);
        assertThat(Http.json(send(Map.of("To", "+5511999990001", "Body", "x"), TOKEN)).get("code").asInt())
                .isEqualTo(21603);
        assertThat(Http.json(send("whatsapp:+5511999990001", SMS_NUMBER, "x", null)).get("code").asInt())
                .isEqualTo(21910);
        assertThat(http.get("/2010-04-01/Accounts/" + SID + "/Messages/SMnope.json",
                "Authorization", Http.basic(SID, TOKEN)).statusCode()).isEqualTo(404);
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void anSmsToALandlineIsRefusedAtOnceWith21614() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+551140000000\": \"landline\"}}}");

        HttpResponse<String> response = send("+551140000000", SMS_NUMBER, "Olá", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("code").asInt()).isEqualTo(21614);
        Send send = simulator.sends().all().getFirst();
        assertThat(send.accepted()).isFalse();
        assertThat(send.errorCode()).isEqualTo("21614");
        assertThat(send.outcome()).isEqualTo(Outcome.LANDLINE);
    }

    @Test
    void statusCallbacksAndTheReplyAreSignedSoTwiliosValidatorAcceptsThem() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990002\": \"interested\"}}}");
        String callback = receiver.url("/twilio/status?tenant=acme&channel=42");

        String sid = Http.json(send("whatsapp:+5511999990002", WHATSAPP_NUMBER, "Olá", callback)).get("sid").asText();

        List<WebhookReceiver.Received> posts = receiver.await(4);
        posts.forEach(post -> {
            assertThat(post.header("X-Twilio-Signature")).isNotBlank();
            assertThat(validates(post, TOKEN)).as("signature of " + post.body()).isTrue();
            assertThat(validates(post, "some-other-token")).isFalse();
            assertThat(post.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(post.header("I-Twilio-Idempotency-Token")).isNotBlank();
        });
        List<Map<String, String>> statuses = posts.subList(0, 3).stream().map(r -> FormData.parse(r.body()))
                .toList();
        assertThat(statuses).extracting(f -> f.get("MessageStatus")).containsExactly("sent", "delivered", "read");
        statuses.forEach(f -> {
            assertThat(f.get("MessageSid")).isEqualTo(sid);
            assertThat(f.get("SmsSid")).isEqualTo(sid);
            assertThat(f.get("AccountSid")).isEqualTo(SID);
            assertThat(f.get("To")).isEqualTo("whatsapp:+5511999990002");
            assertThat(f.get("From")).isEqualTo(WHATSAPP_NUMBER);
        });
        assertThat(posts.getFirst().url()).isEqualTo(callback);

        WebhookReceiver.Received inbound = posts.get(3);
        assertThat(inbound.path()).isEqualTo("/twilio/whatsapp");
        Map<String, String> form = FormData.parse(inbound.body());
        assertThat(form.get("From")).isEqualTo("whatsapp:+5511999990002");
        assertThat(form.get("To")).isEqualTo(WHATSAPP_NUMBER);
        assertThat(form.get("Body")).isEqualTo("Sim, tenho interesse. Pode me ligar?");
        assertThat(form.get("MessageSid")).matches("SM[0-9a-f]{32}").isNotEqualTo(sid);
        assertThat(form.get("AccountSid")).isEqualTo(SID);
        assertThat(form.get("NumMedia")).isEqualTo("0");
        assertThat(form.get("WaId")).isEqualTo("5511999990002");

        JsonNode fetched = Http.json(http.get("/2010-04-01/Accounts/" + SID + "/Messages/" + sid + ".json",
                "Authorization", Http.basic(SID, TOKEN)));
        assertThat(fetched.get("status").asText()).isEqualTo("read");
    }

    @Test
    void anInvalidNumberIsUndeliveredWith30003OrTheScriptedCode() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990003\": \"invalid_number\","
                + " \"+5511999990004\": \"invalid_number:30005\"}}}");
        String callback = receiver.url("/twilio/status");

        send("+5511999990003", SMS_NUMBER, "Olá", callback);
        send("+5511999990004", SMS_NUMBER, "Olá", callback);

        List<Map<String, String>> forms = receiver.await(2).stream().map(r -> FormData.parse(r.body())).toList();
        assertThat(forms).extracting(f -> f.get("MessageStatus")).containsOnly("undelivered");
        assertThat(forms).extracting(f -> f.get("To") + " " + f.get("ErrorCode"))
                .containsExactlyInAnyOrder("+5511999990003 30003", "+5511999990004 30005");
    }

    @Test
    void aMessageWithoutStatusCallbackGetsNoCallbacks() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990005\": \"silence\"}}}");

        send("+5511999990005", SMS_NUMBER, "Olá", null);

        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(receiver.received()).isEmpty();
        assertThat(simulator.deliveries().all()).isEmpty();
    }

    @Test
    void aContactWhoTextsStopCannotBeSentToFromThatNumberUntilStart() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990006\": \"silence\"}}}");
        send("+5511999990006", SMS_NUMBER, "Olá", null);
        Delivery stop = simulator.inbound(Inbound.of("twilio", "+5511999990006", "STOP"));
        assertThat(validates(receiver.await(1).getFirst(), TOKEN)).isTrue();
        assertThat(stop.url()).endsWith("/twilio/sms");

        HttpResponse<String> refused = send("+5511999990006", SMS_NUMBER, "Olá de novo", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).get("code").asInt()).isEqualTo(21610);
        assertThat(simulator.sends().all().getLast().afterOptOut()).isTrue();

        simulator.inbound(Inbound.of("twilio", "+5511999990006", "START"));
        assertThat(send("+5511999990006", SMS_NUMBER, "Olá de novo", null).statusCode()).isEqualTo(201);
    }

    @Test
    void forgedAndUnsignedInboundMessagesFailTwiliosValidator() throws Exception {
        simulator.inbound(new Inbound("twilio", "+5511999990007", SMS_NUMBER, "Oi", Inbound.Signature.FORGED, 0));
        simulator.inbound(new Inbound("twilio", "+5511999990007", SMS_NUMBER, "Oi", Inbound.Signature.NONE, 0));

        List<WebhookReceiver.Received> posts = receiver.await(2);
        assertThat(posts.get(0).header("X-Twilio-Signature")).isNotBlank();
        assertThat(validates(posts.get(0), TOKEN)).isFalse();
        assertThat(posts.get(1).header("X-Twilio-Signature")).isNull();
    }

    @Test
    void withNoAccountConfiguredAnyAccountIsAcceptedAndSignedWithTheTokenItUsed() throws Exception {
        simulator.replaceConfig("""
                {"twilio": {"inboundUrl": "%s"}, "latency": {"statusMillis": 0, "replyMillis": 0},
                 "outcomes": {"script": {"+5511999990008": "opt_out"}}}""".formatted(receiver.url("/any")));

        assertThat(send("+5511999990008", SMS_NUMBER, "Olá", null).statusCode()).isEqualTo(201);

        WebhookReceiver.Received reply = receiver.await(1).getFirst();
        assertThat(FormData.parse(reply.body()).get("Body")).isEqualTo("PARE");
        assertThat(validates(reply, TOKEN)).isTrue();
        assertThat(simulator.contacts().optedOut("+5511999990008")).isTrue();
    }
}
