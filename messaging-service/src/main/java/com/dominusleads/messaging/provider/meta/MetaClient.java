package com.dominusleads.messaging.provider.meta;

import static com.dominusleads.messaging.provider.meta.MetaChannelKeys.*;
import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.OutgoingMessage;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.HttpAnswers;
import com.dominusleads.messaging.provider.ProviderClient;
import com.dominusleads.messaging.provider.ProviderFailures;
import com.dominusleads.messaging.provider.ProviderHttp;
import com.dominusleads.messaging.provider.Reconciliation;
import com.dominusleads.messaging.provider.SendResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * WhatsApp through Meta's Cloud API: {@code POST {base}/{version}/{phone-number-id}/messages} with the channel's
 * Bearer token, a text message carrying our message id as {@code biz_opaque_callback_data}. Errors are told apart by
 * Meta's {@code error.code}, as Meta advises, not by the HTTP status: a throughput refusal (130429) comes as 400.
 * <p>
 * <b>Reconciliation.</b> The Cloud API cannot look a message up. What it does is echo {@code biz_opaque_callback_data}
 * in every status webhook of the message, seconds after accepting it, and the webhook handler marks our message sent
 * when one arrives. So until {@code dominus.messaging.providers.meta.reconcile-after} has passed since the message was
 * recorded, a status may still come ({@link Reconciliation.Unknown}); after it, none will: Meta never had the message
 * ({@link Reconciliation.NotSent}).
 */
@ApplicationScoped
public class MetaClient implements ProviderClient {


    /** Undeliverable, re-engagement window closed, marketing cap, marketing opt-out, unsupported, not allowed. */
    private static final Set<String> UNREACHABLE = Set.of("131026", "131047", "131049", "131050", "131051", "131030");
    /** Throughput, spam rate, pair rate, WABA and app call rates. */
    private static final Set<String> THROTTLED = Set.of("130429", "131048", "131056", "80007", "4");
    /** Token refused; account restricted for policy, locked, or with a payment problem. */
    private static final Set<String> CHANNEL_FAILURES = Set.of("190", "368", "131031", "131042");
    private static final String INVALID_PARAMETER = "100";
    private static final Pattern ABOUT_RECIPIENT = Pattern.compile("(?i)parameter to\\b|\\brecipient|phone number");

    private final ProviderHttp http;
    private final String baseUrl;
    private final Duration reconcileAfter;

    public MetaClient(ProviderHttp http,
                      @ConfigProperty(name = "dominus.messaging.providers.meta.base-url") String baseUrl,
                      @ConfigProperty(name = "dominus.messaging.providers.meta.reconcile-after", defaultValue = "10m")
                      Duration reconcileAfter) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.reconcileAfter = reconcileAfter;
    }

    @Override
    public Provider provider() {
        return Provider.META;
    }

    @Override
    public Uni<SendResult> send(Channel channel, OutgoingMessage message) {
        return Uni.createFrom().deferred(() -> http.post(messagesUrl(channel))
                        .bearerTokenAuthentication(channel.secret(ACCESS_TOKEN))
                        .sendJsonObject(textMessage(message)))
                .map(MetaClient::result)
                .onFailure().recoverWithItem(ProviderFailures::sendResult);
    }

    /** See the class comment: Unknown while a status webhook may still come, then NotSent. */
    @Override
    public Uni<Reconciliation> reconcile(Channel channel, OutgoingMessage message) {
        boolean statusMayStillCome = Instant.now().isBefore(message.triedAt().plus(reconcileAfter));
        return Uni.createFrom().item(statusMayStillCome
                ? new Reconciliation.Unknown("waiting for Meta's status webhook")
                : new Reconciliation.NotSent());
    }

    private String messagesUrl(Channel channel) {
        return ProviderHttp.url(channel.setting(BASE_URL, baseUrl), channel.setting(API_VERSION, DEFAULT_API_VERSION),
                channel.setting(PHONE_NUMBER_ID), "messages");
    }

    private static JsonObject textMessage(OutgoingMessage message) {
        return new JsonObject()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", message.recipient().replace("+", ""))   // Meta's wa_id form; it takes E.164 too
                .put("type", "text")
                .put("text", new JsonObject().put("preview_url", false).put("body", message.body()))
                .put("biz_opaque_callback_data", message.id().toString());
    }

    private static SendResult result(HttpResponse<Buffer> response) {
        JsonObject body = HttpAnswers.object(response);
        if (HttpAnswers.succeeded(response)) {
            String id = HttpAnswers.text(HttpAnswers.firstObject(body, "messages"), "id");
            return id != null ? new SendResult.Accepted(id)
                    : new SendResult.Transient("unreadable_answer", "HTTP " + response.statusCode() + " without a"
                    + " message id");
        }
        JsonObject error = HttpAnswers.object(body, "error");
        String code = HttpAnswers.text(error, "code");
        String reason = reason(response, error);
        if (UNREACHABLE.contains(code) || INVALID_PARAMETER.equals(code) && ABOUT_RECIPIENT.matcher(reason).find()) {
            return new SendResult.Unreachable(code, reason);
        }
        String codeOrStatus = code != null ? code : String.valueOf(response.statusCode());
        if (THROTTLED.contains(code) || response.statusCode() == 429) {
            return new SendResult.Throttled(codeOrStatus, HttpAnswers.retryAfter(response));
        }
        if (CHANNEL_FAILURES.contains(code) || response.statusCode() == 401 || response.statusCode() == 403) {
            return new SendResult.ChannelFailure(codeOrStatus, reason);
        }
        // 1, 2, 5xx, and codes not classified above: tried again later, the code recorded for a human to look at.
        return new SendResult.Transient(codeOrStatus, reason);
    }

    /** Meta's message, with {@code error_data.details} when given (it names the faulty parameter). */
    private static String reason(HttpResponse<Buffer> response, JsonObject error) {
        String message = HttpAnswers.text(error, "message");
        String details = HttpAnswers.text(HttpAnswers.object(error, "error_data"), "details");
        String reason = message != null ? message : "HTTP " + response.statusCode();
        return details != null ? reason + ": " + details : reason;
    }
}
