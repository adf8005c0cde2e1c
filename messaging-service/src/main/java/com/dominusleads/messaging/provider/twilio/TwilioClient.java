package com.dominusleads.messaging.provider.twilio;

import static com.dominusleads.messaging.provider.twilio.TwilioChannelKeys.*;
import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
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
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SMS and WhatsApp through Twilio's Messages API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json}, Basic
 * auth with the account SID and auth token, form {@code To}, {@code From}, {@code Body} and {@code StatusCallback}
 * ({@code whatsapp:}-prefixed addresses on a WhatsApp channel). The status callback URL names the channel and our
 * message id, so every status is ours to match. Our own client rather than the Twilio SDK's, which retries 5xx.
 * <p>
 * <b>Reconciliation</b> lists the messages from the channel's number to the recipient (newest first) and looks for
 * one with the same body created since the message was recorded (less {@link Reconciliation#CLOCK_SLACK}).
 */
@ApplicationScoped
public class TwilioClient implements ProviderClient {


    /**
     * Newest first: the message sought, recorded minutes ago, is on the first page unless this many were sent to the
     * same person from the same number since.
     */
    private static final int PAGE_SIZE = 50;
    private static final String API_VERSION = "2010-04-01";

    /** Invalid number, region not enabled, unsubscribed (STOP), not SMS-capable, landline, not on WhatsApp. */
    private static final Set<String> UNREACHABLE = Set.of("21211", "21408", "21610", "21612", "21614", "21635",
            "63003");
    /** Authentication refused, account unknown, {@code From} not a number of the account. */
    private static final Set<String> CHANNEL_FAILURES = Set.of("20003", "20404", "21606");
    private static final String TOO_MANY_REQUESTS = "20429";

    private final ProviderHttp http;
    private final String baseUrl;
    private final String publicUrl;

    public TwilioClient(ProviderHttp http,
                        @ConfigProperty(name = "dominus.messaging.providers.twilio.base-url") String baseUrl,
                        @ConfigProperty(name = "dominus.messaging.public-url") String publicUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.publicUrl = publicUrl;
    }

    @Override
    public Provider provider() {
        return Provider.TWILIO;
    }

    @Override
    public Uni<SendResult> send(Channel channel, OutgoingMessage message) {
        return Uni.createFrom().deferred(() -> authenticated(http.post(messagesUrl(channel)), channel)
                        .sendForm(MultiMap.caseInsensitiveMultiMap()
                                .add("To", address(channel, message.recipient()))
                                .add("From", address(channel, channel.address()))
                                .add("Body", message.body())
                                .add("StatusCallback", statusCallback(channel, message))))
                .map(TwilioClient::result)
                .onFailure().recoverWithItem(ProviderFailures::sendResult);
    }

    /** Sent when Twilio lists a message with the same body created since it was recorded; else NotSent. */
    @Override
    public Uni<Reconciliation> reconcile(Channel channel, OutgoingMessage message) {
        return Uni.createFrom().deferred(() -> authenticated(http.get(messagesUrl(channel)), channel)
                        .addQueryParam("To", address(channel, message.recipient()))
                        .addQueryParam("From", address(channel, channel.address()))
                        .addQueryParam("PageSize", String.valueOf(PAGE_SIZE))
                        .send())
                .map(response -> lookup(response, message))
                .onFailure().recoverWithItem(ProviderFailures::reconciliation);
    }

    /** Where Twilio posts this message's statuses: the service's public webhook, with the channel and our id. */
    private String statusCallback(Channel channel, OutgoingMessage message) {
        return ProviderHttp.url(publicUrl, "webhooks", "twilio", channel.id().toString(), "status",
                message.id().toString());
    }

    private String messagesUrl(Channel channel) {
        return ProviderHttp.url(channel.setting(BASE_URL, baseUrl), API_VERSION, "Accounts",
                channel.setting(ACCOUNT_SID), "Messages.json");
    }

    private static HttpRequest<Buffer> authenticated(HttpRequest<Buffer> request, Channel channel) {
        return request.basicAuthentication(channel.setting(ACCOUNT_SID), channel.secret(AUTH_TOKEN));
    }

    /** An E.164 number as Twilio wants it on this channel: {@code whatsapp:+55…} for WhatsApp, as it is for SMS. */
    private static String address(Channel channel, String e164) {
        return channel.kind() == ChannelKind.WHATSAPP ? "whatsapp:" + e164 : e164;
    }

    private static SendResult result(HttpResponse<Buffer> response) {
        JsonObject body = HttpAnswers.object(response);
        if (HttpAnswers.succeeded(response)) {
            String sid = HttpAnswers.text(body, "sid");
            return sid != null ? new SendResult.Accepted(sid)
                    : new SendResult.Transient("unreadable_answer", "HTTP " + response.statusCode() + " without a sid");
        }
        String code = HttpAnswers.text(body, "code");
        String reason = HttpAnswers.text(body, "message");
        reason = reason != null ? reason : "HTTP " + response.statusCode();
        String codeOrStatus = code != null ? code : String.valueOf(response.statusCode());
        if (UNREACHABLE.contains(code)) {
            return new SendResult.Unreachable(code, reason);
        }
        if (TOO_MANY_REQUESTS.equals(code) || response.statusCode() == 429) {
            return new SendResult.Throttled(codeOrStatus, HttpAnswers.retryAfter(response));
        }
        if (CHANNEL_FAILURES.contains(code) || response.statusCode() == 401 || response.statusCode() == 403) {
            return new SendResult.ChannelFailure(codeOrStatus, reason);
        }
        // 5xx, and codes not classified above: tried again later, the code recorded for a human to look at.
        return new SendResult.Transient(codeOrStatus, reason);
    }

    private static Reconciliation lookup(HttpResponse<Buffer> response, OutgoingMessage message) {
        if (!HttpAnswers.succeeded(response)) {
            return new Reconciliation.Unknown("Twilio answered the lookup with HTTP " + response.statusCode());
        }
        Instant since = message.firstTryAt().minus(Reconciliation.CLOCK_SLACK);
        return HttpAnswers.array(HttpAnswers.object(response), "messages").stream()
                .filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(m -> message.body().equals(m.getValue("body")) && !created(m).isBefore(since))
                .map(m -> HttpAnswers.text(m, "sid"))
                .filter(Objects::nonNull)
                .findFirst()
                .<Reconciliation>map(Reconciliation.Sent::new)
                .orElseGet(Reconciliation.NotSent::new);
    }

    /**
     * {@code date_created} (RFC 2822). An unreadable one counts as recent: taking an old identical message for ours
     * loses one send, taking ours for absent sends it twice.
     */
    private static Instant created(JsonObject message) {
        String date = HttpAnswers.text(message, "date_created");
        if (date == null) {
            return Instant.MAX;
        }
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException unreadable) {
            return Instant.MAX;
        }
    }
}
