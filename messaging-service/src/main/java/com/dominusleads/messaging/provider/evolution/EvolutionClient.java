package com.dominusleads.messaging.provider.evolution;

import static com.dominusleads.messaging.provider.evolution.EvolutionChannelKeys.*;
import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ContactAddress;
import com.dominusleads.messaging.domain.OutgoingMessage;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.HttpAnswers;
import com.dominusleads.messaging.provider.ProviderClient;
import com.dominusleads.messaging.provider.ProviderFailures;
import com.dominusleads.messaging.provider.ProviderHttp;
import com.dominusleads.messaging.provider.Reconciliation;
import com.dominusleads.messaging.provider.SendResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * WhatsApp through a tenant's own Evolution API v2 server (Baileys): {@code POST {serverUrl}/message/sendText/{instance}}
 * with the channel's {@code apikey}, and the instance calls the channel API needs (connection state, pairing, webhook
 * registration). Evolution's shapes vary between versions, so answers are read tolerantly: the closed-instance error
 * is a 400 in some versions and a 500 in others, and is recognised by its message.
 * <p>
 * <b>Reconciliation</b> searches our messages since the message was recorded ({@code POST /chat/findMessages}, newest
 * first, page by page) for one with the same text to the same person. It filters by time and not by chat: WhatsApp
 * names many Brazilian numbers without their ninth digit, and names some chats by LID, so the chat's JID cannot be
 * told in advance; a record's JID is read back through {@link ContactAddress}. A same-text message to a chat named by
 * LID is {@link Reconciliation.Unknown}: it may be ours.
 */
@ApplicationScoped
public class EvolutionClient implements ProviderClient {

    /** The events the service handles: contacts' messages, statuses of ours, the instance's connection. */
    public static final List<String> WEBHOOK_EVENTS = List.of("MESSAGES_UPSERT", "MESSAGES_UPDATE",
            "CONNECTION_UPDATE");

    static final int PAGE_SIZE = 50;
    /** Beyond this many of our messages since the one sought, the lookup gives up rather than answer NotSent. */
    private static final int MAX_PAGES = 20;

    private final ProviderHttp http;

    public EvolutionClient(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public Provider provider() {
        return Provider.EVOLUTION;
    }

    @Override
    public Uni<SendResult> send(Channel channel, OutgoingMessage message) {
        return Uni.createFrom().deferred(() -> call(http.post(url(channel, "message", "sendText")), channel)
                        .sendJsonObject(new JsonObject()
                                .put("number", message.recipient().replace("+", ""))
                                .put("text", message.body())))
                .map(EvolutionClient::result)
                .onFailure().recoverWithItem(ProviderFailures::sendResult);
    }

    /** See the class comment: Sent with the record's key id, Unknown for a same-text message to a LID, else NotSent. */
    @Override
    public Uni<Reconciliation> reconcile(Channel channel, OutgoingMessage message) {
        Instant since = message.firstTryAt().minus(Reconciliation.CLOCK_SLACK);
        Instant until = Instant.now().plus(Reconciliation.CLOCK_SLACK);
        return Uni.createFrom().deferred(() -> search(channel, message, since, until, 1))
                .onFailure().recoverWithItem(ProviderFailures::reconciliation);
    }

    /** The instance's connection: {@code open}, {@code connecting} or {@code close}. */
    public Uni<String> connectionState(Channel channel) {
        return Uni.createFrom().deferred(() -> call(http.get(url(channel, "instance", "connectionState")), channel)
                        .send())
                .map(response -> HttpAnswers.text(HttpAnswers.object(answer(response), "instance"), "state"));
    }

    /**
     * Starts pairing: Evolution's {@code base64} (the QR image as a data URL), {@code code} (the QR's content) and
     * {@code pairingCode} (to type on the phone, asked for the channel's number), those it gave; or {@code state:
     * "open"} when the instance is already paired.
     */
    public Uni<JsonObject> connect(Channel channel) {
        return Uni.createFrom().deferred(() -> {
                    HttpRequest<Buffer> request = call(http.get(url(channel, "instance", "connect")), channel);
                    ContactAddress.phone(channel.address())
                            .ifPresent(number -> request.addQueryParam("number", number.substring(1)));
                    return request.send();
                })
                .map(response -> {
                    JsonObject answer = answer(response);
                    JsonObject pairing = new JsonObject();
                    for (String name : List.of("base64", "code", "pairingCode")) {
                        Optional.ofNullable(HttpAnswers.text(answer, name)).ifPresent(v -> pairing.put(name, v));
                    }
                    Optional.ofNullable(HttpAnswers.text(HttpAnswers.object(answer, "instance"), "state"))
                            .ifPresent(state -> pairing.put("state", state));
                    return pairing;
                });
    }

    /**
     * Points the instance's webhook at {@code url}, sending {@code headers} with every event (the receiver checks
     * them; a {@code jwt_key} header makes Evolution 2.3.7+ send a signed JWT instead), for {@link #WEBHOOK_EVENTS}.
     */
    public Uni<Void> registerWebhook(Channel channel, String url, Map<String, String> headers) {
        JsonObject webhook = new JsonObject()
                .put("enabled", true)
                .put("url", url)
                .put("byEvents", false)
                .put("base64", false)
                .put("headers", new JsonObject(Map.copyOf(headers)))
                .put("events", new JsonArray(WEBHOOK_EVENTS));
        return Uni.createFrom().deferred(() -> call(http.post(url(channel, "webhook", "set")), channel)
                        .sendJsonObject(new JsonObject().put("webhook", webhook)))
                .invoke(EvolutionClient::answer)
                .replaceWithVoid();
    }

    private static String url(Channel channel, String group, String action) {
        return ProviderHttp.url(channel.setting(SERVER_URL), group, action, channel.setting(INSTANCE));
    }

    private static HttpRequest<Buffer> call(HttpRequest<Buffer> request, Channel channel) {
        return request.putHeader("apikey", channel.secret(API_KEY));
    }

    private static SendResult result(HttpResponse<Buffer> response) {
        JsonObject body = HttpAnswers.object(response);
        if (HttpAnswers.succeeded(response)) {
            String id = HttpAnswers.text(HttpAnswers.object(body, "key"), "id");
            return id != null ? new SendResult.Accepted(id)
                    : new SendResult.Transient("unreadable_answer", "HTTP " + response.statusCode() + " without a key");
        }
        int status = response.statusCode();
        String reason = reason(response, body);
        boolean notOnWhatsApp = messages(body).stream()
                .anyMatch(m -> m instanceof JsonObject item && Boolean.FALSE.equals(item.getValue("exists")));
        if (notOnWhatsApp) {
            return new SendResult.Unreachable("not_on_whatsapp", "the number is not on WhatsApp");
        }
        if (reason.contains("Connection Closed")) {
            return new SendResult.ChannelFailure("connection_closed", reason);
        }
        if (status == 404) {
            return new SendResult.ChannelFailure("instance_not_found", reason);
        }
        if (status == 401 || status == 403) {
            return new SendResult.ChannelFailure("unauthorized", reason);
        }
        if (status == 429) {
            return new SendResult.Throttled("429", HttpAnswers.retryAfter(response));
        }
        return new SendResult.Transient(String.valueOf(status), reason);
    }

    /** The answer of an instance call, or EvolutionApiException when Evolution refused it. */
    private static JsonObject answer(HttpResponse<Buffer> response) {
        JsonObject body = HttpAnswers.object(response);
        if (!HttpAnswers.succeeded(response)) {
            throw new EvolutionApiException(response.statusCode(), reason(response, body));
        }
        return body;
    }

    /** Evolution's {@code response.message}: a list of strings or objects, or one string (401). */
    private static List<Object> messages(JsonObject body) {
        Object message = HttpAnswers.object(body, "response").getValue("message");
        // JsonArray's stream, unlike its list, gives nested objects as JsonObject.
        return message instanceof JsonArray list ? list.stream().toList()
                : message == null ? List.of() : List.of(message);
    }

    private static String reason(HttpResponse<Buffer> response, JsonObject body) {
        String joined = messages(body).stream().map(String::valueOf).collect(Collectors.joining("; "));
        return joined.isEmpty() ? "HTTP " + response.statusCode() : joined;
    }

    // ---------------------------------------------------------------- reconciliation

    private Uni<Reconciliation> search(Channel channel, OutgoingMessage message, Instant since, Instant until,
                                       int page) {
        JsonObject query = new JsonObject()
                .put("where", new JsonObject()
                        .put("key", new JsonObject().put("fromMe", true))
                        .put("messageTimestamp", new JsonObject().put("gte", since.toString())
                                .put("lte", until.toString())))
                .put("offset", PAGE_SIZE)
                .put("page", page);
        return call(http.post(url(channel, "chat", "findMessages")), channel).sendJsonObject(query)
                .flatMap(response -> {
                    if (!HttpAnswers.succeeded(response)) {
                        return Uni.createFrom().item(new Reconciliation.Unknown(
                                "Evolution answered the lookup with HTTP " + response.statusCode()));
                    }
                    JsonObject messages = HttpAnswers.object(HttpAnswers.object(response), "messages");
                    List<JsonObject> records = HttpAnswers.array(messages, "records").stream()
                            .filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
                    Optional<Reconciliation> found = match(records, message, since);
                    if (found.isPresent()) {
                        return Uni.createFrom().item(found.get());
                    }
                    // Newest first: once a page reaches back before the message, older pages cannot hold it (versions
                    // that ignore the time filter answer every message of the instance).
                    if (!mayHaveMore(messages, records, page, since)) {
                        return Uni.createFrom().item(new Reconciliation.NotSent());
                    }
                    if (page == MAX_PAGES) {
                        return Uni.createFrom().item(new Reconciliation.Unknown("more than "
                                + PAGE_SIZE * MAX_PAGES + " messages of ours since the message was recorded"));
                    }
                    return search(channel, message, since, until, page + 1);
                });
    }

    /**
     * Whether a later page may still hold the message: this page reaches back no further than {@code since} and is
     * not the last. Versions that leave out {@code pages} tell the last page by its being short.
     */
    static boolean mayHaveMore(JsonObject messages, List<JsonObject> records, int page, Instant since) {
        if (records.isEmpty() || timestamp(records.getLast()).isBefore(since)) {
            return false;
        }
        int pages = intOf(messages, "pages");
        return pages > 0 ? page < pages : records.size() >= PAGE_SIZE;
    }

    private static Optional<Reconciliation> match(List<JsonObject> records, OutgoingMessage message, Instant since) {
        String recipient = ContactAddress.phone(message.recipient()).orElse(message.recipient());
        Optional<Reconciliation> maybe = Optional.empty();
        for (JsonObject record : records) {
            JsonObject key = HttpAnswers.object(record, "key");
            if (Boolean.FALSE.equals(key.getValue("fromMe")) || timestamp(record).isBefore(since)
                    || !message.body().equals(text(HttpAnswers.object(record, "message")))) {
                continue;
            }
            String jid = HttpAnswers.text(key, "remoteJid");
            if (jid != null && !jid.endsWith("@s.whatsapp.net") && !jid.endsWith("@c.us")) {
                maybe = Optional.of(new Reconciliation.Unknown("a message with the same text went to " + jid
                        + ", which does not name a number"));
            } else if (jid != null && ContactAddress.phone(jid).filter(recipient::equals).isPresent()) {
                String id = HttpAnswers.text(key, "id");
                return Optional.of(id != null ? new Reconciliation.Sent(id)
                        : new Reconciliation.Unknown("our message has no key id"));
            }
        }
        return maybe;
    }

    /** The text of a stored message: {@code conversation}, or {@code extendedTextMessage.text}. */
    private static String text(JsonObject message) {
        String conversation = HttpAnswers.text(message, "conversation");
        return conversation != null ? conversation
                : HttpAnswers.text(HttpAnswers.object(message, "extendedTextMessage"), "text");
    }

    /** {@code messageTimestamp}, seconds as a number or a string; unreadable counts as recent (it may be ours). */
    private static Instant timestamp(JsonObject record) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(HttpAnswers.text(record, "messageTimestamp")));
        } catch (NumberFormatException unreadable) {
            return Instant.MAX;
        }
    }

    private static int intOf(JsonObject object, String name) {
        try {
            return Integer.parseInt(HttpAnswers.text(object, name));
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }
}
