package com.dominusleads.host.api;

import com.dominusleads.host.client.StripeEventReader;
import com.dominusleads.host.config.HostConfig;
import com.dominusleads.host.domain.BillingEvent;
import com.dominusleads.host.domain.StripeEventIntake;
import com.dominusleads.servicekit.api.ApiException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Stripe's webhook endpoint. There is no token: the {@code Stripe-Signature} header (HMAC-SHA256 of the raw body with
 * the endpoint's secret, checked by stripe-java) is the authentication, and a signature older than 300 s is refused so
 * that a captured request cannot be replayed later. Anything not signed so is a 401 and leaves no trace. A valid event
 * is applied once (see {@link StripeEventIntake}); a repeat is acknowledged with 200 and changes nothing. A failure
 * while applying answers 5xx, and Stripe delivers the event again later.
 */
@Path("/webhooks/stripe")
@PermitAll
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);
    static final long TOLERANCE_SECONDS = 300;

    public record Acknowledgement(boolean received, String eventId, boolean duplicate, String outcome) {
    }

    private final HostConfig config;
    private final StripeEventIntake intake;

    public StripeWebhookResource(HostConfig config, StripeEventIntake intake) {
        this.config = config;
        this.intake = intake;
    }

    /** The body is taken as the exact text Stripe signed: it must not be parsed and re-serialised before the check. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Acknowledgement> receive(String payload, @HeaderParam("Stripe-Signature") String signature) {
        Event event = verified(payload, signature);
        BillingEvent read;
        try {
            read = StripeEventReader.read(event);
        } catch (RuntimeException e) {
            LOG.warnf("Stripe event %s (%s) cannot be read: %s", event.getId(), event.getType(), e.toString());
            throw ApiException.badRequest("invalid_event", "The event's object is not what its type announces.");
        }
        Instant created = event.getCreated() == null ? Instant.now() : Instant.ofEpochSecond(event.getCreated());
        return intake.accept(event.getId(), event.getType(), created, read)
                .map(receipt -> new Acknowledgement(true, receipt.eventId(), receipt.duplicate(), receipt.outcome()));
    }

    private Event verified(String payload, String signature) {
        String secret = config.stripe().webhookSecret().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (secret == null) {
            LOG.error("A Stripe webhook arrived but dominus.host.stripe.webhook-secret is not set: refused");
            throw new ApiException(503, "webhook_not_configured", "This endpoint has no signing secret configured"
                    + " yet; Stripe will deliver the event again later.");
        }
        if (signature == null || signature.isBlank() || payload == null) {
            throw invalidSignature();
        }
        try {
            Event event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS);
            if (event.getId() == null || event.getType() == null) {
                throw ApiException.badRequest("invalid_event", "The event has no id or type.");
            }
            return event;
        } catch (SignatureVerificationException e) {
            LOG.warnf("Stripe webhook refused: %s", e.getMessage());
            throw invalidSignature();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {  // signed, yet not JSON stripe-java can read (Gson's parse errors)
            throw ApiException.badRequest("invalid_event", "The signed body is not a Stripe event.");
        }
    }

    private static ApiException invalidSignature() {
        return new ApiException(401, "invalid_signature", "The Stripe-Signature header is missing, does not match the"
                + " body, or is older than " + TOLERANCE_SECONDS + " s.");
    }
}
