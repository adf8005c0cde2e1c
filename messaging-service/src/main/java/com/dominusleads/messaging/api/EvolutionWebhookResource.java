package com.dominusleads.messaging.api;

import com.dominusleads.messaging.domain.InboundProcessor;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.evolution.EvolutionWebhooks;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evolution API webhooks of one channel (an instance): at its URL, or with the event appended when the instance's
 * webhook is set "by events" ({@code …/messages-upsert}); the body's {@code event} is what counts either way.
 * The secrets in the headers are checked before the body is parsed, the body's {@code instance}/{@code apikey} after.
 */
@Path("/webhooks/evolution/{channelId}")
@PermitAll
public class EvolutionWebhookResource {

    private final WebhookChannels channels;
    private final EvolutionWebhooks webhooks;
    private final InboundProcessor inbound;

    public EvolutionWebhookResource(WebhookChannels channels, EvolutionWebhooks webhooks, InboundProcessor inbound) {
        this.channels = channels;
        this.webhooks = webhooks;
        this.inbound = inbound;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@PathParam("channelId") String channelId, @Context HttpHeaders headers,
                                 byte[] body) {
        Map<String, String> firstValues = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                firstValues.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        return channels.find(channelId, Provider.EVOLUTION).chain(channel -> {
            if (!webhooks.verifyHeaders(channel, firstValues)) {
                throw WebhookErrors.invalidSignature("Evolution", "x-evolution-secret or the bearer JWT");
            }
            JsonObject json = webhooks.readBody(body);
            if (!webhooks.verifyBody(channel, json)) {
                throw WebhookErrors.invalidSignature("Evolution", "the instance and its apikey");
            }
            List<ProviderEvent> events = webhooks.parse(json);
            return events.isEmpty() ? Uni.createFrom().voidItem() : inbound.accept(channel, events);
        }).replaceWith(() -> Response.ok().build());
    }

    @POST
    @Path("/{event}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receiveByEvent(@PathParam("channelId") String channelId, @PathParam("event") String event,
                                        @Context HttpHeaders headers, byte[] body) {
        return receive(channelId, headers, body);
    }
}
