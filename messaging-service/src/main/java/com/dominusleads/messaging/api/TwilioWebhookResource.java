package com.dominusleads.messaging.api;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.InboundProcessor;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.MalformedPayloadException;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.twilio.TwilioForm;
import com.dominusleads.messaging.provider.twilio.TwilioWebhooks;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Twilio webhooks of one channel (SMS or WhatsApp): the contact's messages, and the status callbacks of our messages,
 * whose URL names the message ({@code …/status/{messageId}}, given with each send). Answered with empty TwiML: no
 * automatic reply.
 * <p>
 * Twilio signs the URL it called. That URL is rebuilt from {@code dominus.messaging.public-url} plus the request's
 * path and query, not from the Host header or {@code X-Forwarded-*}: behind a proxy this service sees another scheme,
 * host and port than Twilio used, and a header-derived URL would let the caller choose what is checked.
 */
@Path("/webhooks/twilio/{channelId}")
@PermitAll
public class TwilioWebhookResource {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final WebhookChannels channels;
    private final TwilioWebhooks webhooks;
    private final InboundProcessor inbound;
    private final String publicUrl;

    public TwilioWebhookResource(WebhookChannels channels, TwilioWebhooks webhooks, InboundProcessor inbound,
                                 @ConfigProperty(name = "dominus.messaging.public-url") String publicUrl) {
        this.channels = channels;
        this.webhooks = webhooks;
        this.inbound = inbound;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_JSON})
    public Uni<Response> receive(@PathParam("channelId") String channelId,
                                 @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
                                 byte[] body) {
        return handle(channelId, signature, uri, body, webhooks::parseInbound);
    }

    @POST
    @Path("/status/{messageId}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_JSON})
    public Uni<Response> status(@PathParam("channelId") String channelId, @PathParam("messageId") UUID messageId,
                                @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
                                byte[] body) {
        return handle(channelId, signature, uri, body, params -> webhooks.parseStatus(params, messageId));
    }

    private Uni<Response> handle(String channelId, String signature, UriInfo uri, byte[] body,
                                 Function<Map<String, String>, List<ProviderEvent>> parse) {
        return channels.find(channelId, Provider.TWILIO).chain(channel -> {
            Map<String, String> params = params(body);
            if (params == null || !webhooks.verify(channel, signedUrl(uri.getRequestUri()), params, signature)) {
                throw WebhookErrors.invalidSignature("Twilio", "X-Twilio-Signature");
            }
            return accept(channel, parse.apply(params));
        }).replaceWith(() -> Response.ok(EMPTY_TWIML, MediaType.TEXT_XML_TYPE).build());
    }

    /** The form's parameters; null for a body no form encoder wrote, which therefore cannot be Twilio's. */
    private static Map<String, String> params(byte[] body) {
        try {
            return TwilioForm.parse(body);
        } catch (MalformedPayloadException e) {
            return null;
        }
    }

    private Uni<Void> accept(Channel channel, List<ProviderEvent> events) {
        return events.isEmpty() ? Uni.createFrom().voidItem() : inbound.accept(channel, events);
    }

    /** The URL as Twilio called it: our public base, then the path and query exactly as they arrived (still encoded). */
    private String signedUrl(URI request) {
        return publicUrl + request.getRawPath() + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
    }
}
