package com.dominusleads.messaging.provider.twilio;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.ContactAddress;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.InboundMessage;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import com.twilio.security.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Twilio webhooks (SMS and WhatsApp): the {@code X-Twilio-Signature} check and the reading of inbound messages and
 * status callbacks into our events. Twilio's webhooks carry no time: events are stamped when read.
 */
@ApplicationScoped
public class TwilioWebhooks {

    private static final Logger LOG = Logger.getLogger(TwilioWebhooks.class);
    private static final String WHATSAPP_PREFIX = "whatsapp:";

    private final Clock clock;

    public TwilioWebhooks() {
        this(Clock.systemUTC());
    }

    public TwilioWebhooks(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether {@code signatureHeader} signs {@code fullUrl} (exactly as Twilio requested it, query included) and every
     * form parameter with the channel's auth token. Twilio's own {@link RequestValidator} does the check, so that the
     * algorithm's details (parameter order, default ports) are Twilio's and not ours.
     */
    public boolean verify(Channel channel, String fullUrl, Map<String, String> formParams, String signatureHeader) {
        String authToken = channel.optionalSecret(TwilioChannelKeys.AUTH_TOKEN);
        if (authToken == null) {
            LOG.warnf("Twilio webhook for channel %s refused: the channel has no auth token", channel.id());
            return false;
        }
        if (fullUrl == null || formParams == null || signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        return new RequestValidator(authToken).validate(fullUrl, formParams, signatureHeader);
    }

    /**
     * A contact's message: WhatsApp when its addresses are {@code whatsapp:}-prefixed, else SMS. Empty when it names no
     * message or no phone number we can read.
     */
    public List<ProviderEvent> parseInbound(Map<String, String> params) {
        String sid = params.get("MessageSid");
        String rawFrom = params.getOrDefault("From", "");
        Optional<String> from = ContactAddress.phone(rawFrom);
        if (sid == null || from.isEmpty()) {
            return List.of();
        }
        ChannelKind kind = rawFrom.startsWith(WHATSAPP_PREFIX) ? ChannelKind.WHATSAPP : ChannelKind.SMS;
        String rawTo = params.getOrDefault("To", "");
        String to = ContactAddress.phone(rawTo).orElse(rawTo);
        return List.of(new InboundMessage(Provider.TWILIO, kind, sid, from.get(), to, params.getOrDefault("Body", ""),
                clock.instant(), null));
    }

    /**
     * A status callback for our message {@code messageId} (the id is in the callback URL we gave with the send).
     * {@code queued}, {@code accepted}, {@code scheduled} and {@code sending} are still Twilio's side of the send: no
     * event. {@code undelivered} and {@code failed} are FAILED with Twilio's {@code ErrorCode}.
     */
    public List<ProviderEvent> parseStatus(Map<String, String> params, UUID messageId) {
        String sid = params.get("MessageSid");
        DeliveryStatus status = switch (params.getOrDefault("MessageStatus", "")) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "undelivered", "failed" -> DeliveryStatus.FAILED;
            default -> null;
        };
        if (sid == null || status == null) {
            return List.of();
        }
        String errorCode = status == DeliveryStatus.FAILED ? params.get("ErrorCode") : null;
        return List.of(new StatusUpdate(Provider.TWILIO, sid, messageId, status, errorCode, null, clock.instant()));
    }
}
