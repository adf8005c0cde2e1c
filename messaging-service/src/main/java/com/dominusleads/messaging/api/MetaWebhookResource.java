package com.dominusleads.messaging.api;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.InboundProcessor;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.meta.MetaChannelKeys;
import com.dominusleads.messaging.provider.meta.MetaWebhooks;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Meta WhatsApp Cloud API webhooks of one channel: the subscription handshake (GET) and the signed events (POST).
 * <p>
 * One Meta app may serve several numbers of the same tenant, and posts about all of them to each of their URLs:
 * events for another {@code phone_number_id} go to the tenant's META channel with that id, or are dropped with a
 * warning when the tenant has none. Never to another tenant's channel.
 */
@Path("/webhooks/meta/{channelId}")
@PermitAll
public class MetaWebhookResource {

    private static final Logger LOG = Logger.getLogger(MetaWebhookResource.class);

    private final WebhookChannels channels;
    private final ChannelStore store;
    private final MetaWebhooks webhooks;
    private final InboundProcessor inbound;

    public MetaWebhookResource(WebhookChannels channels, ChannelStore store, MetaWebhooks webhooks,
                               InboundProcessor inbound) {
        this.channels = channels;
        this.store = store;
        this.webhooks = webhooks;
        this.inbound = inbound;
    }

    /** Echoes {@code hub.challenge} (200, text) when Meta presents the channel's verify token; else 403. */
    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Uni<Response> verifySubscription(@PathParam("channelId") String channelId,
                                            @QueryParam("hub.mode") String mode,
                                            @QueryParam("hub.verify_token") String verifyToken,
                                            @QueryParam("hub.challenge") String challenge) {
        return channels.find(channelId, Provider.META).map(channel -> webhooks
                .verifyChallenge(channel, mode, verifyToken, challenge)
                .map(echo -> Response.ok(echo, MediaType.TEXT_PLAIN_TYPE).build())
                .orElseThrow(() -> new ApiException(403, "verification_refused", "hub.mode must be subscribe and"
                        + " hub.verify_token this channel's verify token.")));
    }

    /**
     * The body is taken as bytes and verified before it is parsed: the signature covers Meta's exact serialisation,
     * which a parse and re-serialisation would not reproduce.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@PathParam("channelId") String channelId,
                                 @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        return channels.find(channelId, Provider.META).chain(channel -> {
            if (!webhooks.verify(channel, body, signature)) {
                throw WebhookErrors.invalidSignature("Meta", "X-Hub-Signature-256");
            }
            return route(channel, webhooks.parseByPhoneNumberId(body));
        }).replaceWith(() -> Response.ok().build());
    }

    private Uni<Void> route(Channel channel, Map<String, List<ProviderEvent>> byNumber) {
        String own = channel.setting(MetaChannelKeys.PHONE_NUMBER_ID);
        List<ProviderEvent> ownEvents = byNumber.getOrDefault(own, List.of());
        Uni<Void> accepted = ownEvents.isEmpty() ? Uni.createFrom().voidItem() : inbound.accept(channel, ownEvents);
        if (byNumber.keySet().stream().allMatch(own::equals)) {
            return accepted;
        }
        return accepted.chain(() -> store.live(channel.tenantId(), Provider.META)).chain(siblings -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<String, List<ProviderEvent>> entry : byNumber.entrySet()) {
                if (entry.getKey().equals(own)) {
                    continue;
                }
                Optional<Channel> sibling = siblings.stream()
                        .filter(c -> entry.getKey().equals(c.setting(MetaChannelKeys.PHONE_NUMBER_ID, null)))
                        .findFirst();
                if (sibling.isEmpty()) {
                    LOG.warnf("Meta webhook on channel %s: %d events for phone number id %s dropped, tenant %s has no"
                            + " channel with it", channel.id(), entry.getValue().size(), entry.getKey(),
                            channel.tenantId());
                    continue;
                }
                chain = chain.chain(() -> inbound.accept(sibling.get(), entry.getValue()));
            }
            return chain;
        });
    }
}
