package com.dominusleads.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.InboundProcessor;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.provider.MalformedPayloadException;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.InboundMessage;
import com.dominusleads.messaging.provider.evolution.EvolutionChannelKeys;
import com.dominusleads.messaging.provider.evolution.EvolutionWebhooks;
import com.dominusleads.messaging.provider.meta.MetaChannelKeys;
import com.dominusleads.messaging.provider.meta.MetaWebhooks;
import com.dominusleads.messaging.provider.twilio.TwilioChannelKeys;
import com.dominusleads.messaging.provider.twilio.TwilioWebhooks;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoints' decisions with the store and the processor replaced by fakes (their real ones are being
 * written): which channel receives the events, and that a refused request applies nothing.
 */
class WebhookResourcesTest {

    private static final String SECRET = "meta-app-secret";

    private final Channel meta = channel("tenant-a", Provider.META, Map.of(MetaChannelKeys.PHONE_NUMBER_ID, "111"),
            Map.of(MetaChannelKeys.APP_SECRET, SECRET, MetaChannelKeys.VERIFY_TOKEN, "verify-me"));
    private final Channel metaSibling = channel("tenant-a", Provider.META,
            Map.of(MetaChannelKeys.PHONE_NUMBER_ID, "222"), Map.of(MetaChannelKeys.APP_SECRET, SECRET));
    private final Channel otherTenants = channel("tenant-b", Provider.META,
            Map.of(MetaChannelKeys.PHONE_NUMBER_ID, "333"), Map.of(MetaChannelKeys.APP_SECRET, SECRET));
    private final Channel twilio = channel("tenant-a", Provider.TWILIO, Map.of(TwilioChannelKeys.ACCOUNT_SID, "AC1"),
            Map.of(TwilioChannelKeys.AUTH_TOKEN, "twilio-token"));
    private final Channel evolution = channel("tenant-a", Provider.EVOLUTION,
            Map.of(EvolutionChannelKeys.INSTANCE, "acme"),
            Map.of(EvolutionChannelKeys.API_KEY, "acme-token", EvolutionChannelKeys.WEBHOOK_SECRET, "evo-secret"));

    private final FakeStore store = new FakeStore(List.of(meta, metaSibling, otherTenants, twilio, evolution));
    private final RecordingProcessor processor = new RecordingProcessor();
    private final WebhookChannels channels = new WebhookChannels(store, java.time.Duration.ofSeconds(5));
    private final MetaWebhookResource metaResource = new MetaWebhookResource(channels, store, new MetaWebhooks(),
            processor);

    @Test
    void metaEventsGoToTheChannelOfTheirNumberWithinTheTenantOnly() {
        byte[] body = metaBody("111", "wamid.1", "222", "wamid.2", "333", "wamid.3", "444", "wamid.4");

        Response response = metaResource.receive(meta.id().toString(), sign(body), body).await().indefinitely();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(processor.accepted).containsExactly(
                Map.entry(meta.id(), List.of("wamid.1")), Map.entry(metaSibling.id(), List.of("wamid.2")));
    }

    @Test
    void refusedRequestsApplyNothing() {
        byte[] body = metaBody("111", "wamid.1");
        assertThat(status(metaResource.receive(meta.id().toString(), "sha256=" + "00".repeat(32), body)))
                .isEqualTo(401);
        assertThat(status(metaResource.receive(meta.id().toString(), null, body))).isEqualTo(401);
        assertThat(status(metaResource.receive(UUID.randomUUID().toString(), sign(body), body))).isEqualTo(404);
        assertThat(status(metaResource.receive("not-a-uuid", sign(body), body))).isEqualTo(404);
        assertThat(status(metaResource.receive(twilio.id().toString(), sign(body), body))).isEqualTo(404);
        byte[] notJson = "{\"entry\":".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowable(() -> metaResource.receive(meta.id().toString(), sign(notJson), notJson).await()
                .indefinitely())).isInstanceOf(MalformedPayloadException.class);
        assertThat(processor.accepted).isEmpty();
    }

    @Test
    void theMetaHandshakeEchoesTheChallengeOrRefuses() {
        Response echoed = metaResource.verifySubscription(meta.id().toString(), "subscribe", "verify-me", "42")
                .await().indefinitely();
        assertThat(echoed.getStatus()).isEqualTo(200);
        assertThat(echoed.getEntity()).isEqualTo("42");
        assertThat(status(metaResource.verifySubscription(meta.id().toString(), "subscribe", "guess", "42")))
                .isEqualTo(403);
    }

    @Test
    void twilioSignaturesAreCheckedAgainstThePublicUrlNotTheOneThisServiceSaw() throws Exception {
        TwilioWebhookResource resource = new TwilioWebhookResource(channels, new TwilioWebhooks(), processor,
                "https://hooks.dominusleads.example/");
        String path = "/webhooks/twilio/" + twilio.id();
        String form = "MessageSid=SM1&From=%2B5511987654321&To=%2B15005550006&Body=Ol%C3%A1";
        Map<String, String> params = Map.of("MessageSid", "SM1", "From", "+5511987654321", "To", "+15005550006",
                "Body", "Olá");
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        UriInfo seenBehindProxy = uriInfo(URI.create("http://10.0.0.5:18205" + path + "?x=1"));

        String signedForPublicUrl = twilioSignature("https://hooks.dominusleads.example" + path + "?x=1", params);
        Response response = resource.receive(twilio.id().toString(), signedForPublicUrl, seenBehindProxy, body)
                .await().indefinitely();
        String signedForInternalUrl = twilioSignature("http://10.0.0.5:18205" + path + "?x=1", params);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(processor.accepted).containsExactly(Map.entry(twilio.id(), List.of("SM1")));
        assertThat(status(resource.receive(twilio.id().toString(), signedForInternalUrl, seenBehindProxy, body)))
                .isEqualTo(401);
        assertThat(status(resource.receive(twilio.id().toString(), signedForPublicUrl, seenBehindProxy,
                "%zz".getBytes(StandardCharsets.UTF_8)))).isEqualTo(401);
    }

    @Test
    void evolutionHeadersAreCheckedBeforeTheBodyIsRead() {
        EvolutionWebhookResource resource = new EvolutionWebhookResource(channels, new EvolutionWebhooks(),
                processor);
        byte[] body = """
                {"event":"messages.upsert","instance":"acme","apikey":"acme-token","data":{"key":{
                 "remoteJid":"5511987654321@s.whatsapp.net","fromMe":false,"id":"3EB0A"},
                 "message":{"conversation":"oi"},"messageTimestamp":1717689097}}""".getBytes(StandardCharsets.UTF_8);

        assertThat(status(resource.receive(evolution.id().toString(), headers("X-Evolution-Secret", "wrong"),
                "not json".getBytes(StandardCharsets.UTF_8)))).isEqualTo(401);
        assertThat(catchThrowable(() -> resource.receive(evolution.id().toString(),
                headers("X-Evolution-Secret", "evo-secret"), "not json".getBytes(StandardCharsets.UTF_8)).await()
                .indefinitely())).isInstanceOf(MalformedPayloadException.class);
        assertThat(processor.accepted).isEmpty();
        Response response = resource.receiveByEvent(evolution.id().toString(), "messages-upsert",
                headers("X-Evolution-Secret", "evo-secret"), body).await().indefinitely();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(processor.accepted).containsExactly(Map.entry(evolution.id(), List.of("3EB0A")));
    }

    private static int status(Uni<Response> response) {
        Throwable failure = catchThrowable(() -> response.await().indefinitely());
        assertThat(failure).isInstanceOf(ApiException.class);
        ApiException refused = (ApiException) failure;
        if (refused.status() == 401) {
            assertThat(refused.code()).isEqualTo("invalid_signature");
        }
        return refused.status();
    }

    /** One change per (phone-number id, wamid) pair, each with one text message. */
    private static byte[] metaBody(String... numberAndMessageIds) {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < numberAndMessageIds.length; i += 2) {
            changes.add("""
                    {"field":"messages","value":{"metadata":{"phone_number_id":"%s"},"messages":[{"from":"5511987654321",
                     "id":"%s","timestamp":"1749416383","type":"text","text":{"body":"oi"}}]}}"""
                    .formatted(numberAndMessageIds[i], numberAndMessageIds[i + 1]));
        }
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":["
                + String.join(",", changes) + "]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", SECRET, body));
    }

    private static String twilioSignature(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        params.keySet().stream().sorted().forEach(name -> data.append(name).append(params.get(name)));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", "twilio-token",
                data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UriInfo uriInfo(URI requestUri) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRequestUri")) {
                        return requestUri;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpHeaders headers(String name, String value) {
        MultivaluedHashMap<String, String> map = new MultivaluedHashMap<>();
        map.add(name, value);
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequestHeaders")) {
                        return map;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Channel channel(String tenant, Provider provider, Map<String, String> settings,
                                   Map<String, String> secrets) {
        ChannelKind kind = provider == Provider.TWILIO ? ChannelKind.SMS : ChannelKind.WHATSAPP;
        return new Channel(UUID.randomUUID(), tenant, kind, provider, "+5511999990000", settings, secrets, 100, 1);
    }

    /** The channels of several tenants, as ChannelStore will hand them over. */
    private static final class FakeStore extends ChannelStore {
        private final List<Channel> all;

        FakeStore(List<Channel> all) {
            super(null, null);   // every method used here is overridden
            this.all = all;
        }

        @Override
        public Uni<Optional<Channel>> findForWebhook(UUID channelId) {
            return Uni.createFrom().item(all.stream().filter(c -> c.id().equals(channelId)).findFirst());
        }

        @Override
        public Uni<List<Channel>> live(String tenantId, Provider provider) {
            return Uni.createFrom().item(all.stream()
                    .filter(c -> c.tenantId().equals(tenantId) && c.provider() == provider).toList());
        }
    }

    /** Which channel got which provider message ids, in order. */
    private static final class RecordingProcessor extends InboundProcessor {
        final List<Map.Entry<UUID, List<String>>> accepted = new ArrayList<>();

        RecordingProcessor() {
            super(null, null, null, null, null, null, null, null, null);   // accept is overridden
        }

        @Override
        public Uni<Void> accept(Channel channel, List<ProviderEvent> events) {
            accepted.add(Map.entry(channel.id(), events.stream()
                    .map(e -> ((InboundMessage) e).providerMessageId()).toList()));
            return Uni.createFrom().voidItem();
        }
    }
}
