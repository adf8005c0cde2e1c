package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.provider.evolution.EvolutionApiException;
import com.dominusleads.messaging.provider.evolution.EvolutionChannelKeys;
import com.dominusleads.messaging.provider.evolution.EvolutionClient;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's Evolution instances (WhatsApp through Baileys, on the tenant's own Evolution server): their webhook
 * pointed at this service with the channel's secrets when the channel is created (and again when a change
 * touches what the instance is told), and the connection state and QR-code
 * pairing passed through to the tenant's admins.
 */
@ApplicationScoped
public class EvolutionInstances {

    /** The header Evolution replaces by {@code Authorization: Bearer <HS256 JWT>} signed with its value (2.3.7+). */
    static final String JWT_KEY_HEADER = "jwt_key";
    static final String SECRET_HEADER = "x-evolution-secret";

    private final EvolutionClient client;
    private final ChannelStore channels;
    private final TenantTransactions transactions;
    private final String publicUrl;

    public EvolutionInstances(EvolutionClient client, ChannelStore channels, TenantTransactions transactions,
                              @ConfigProperty(name = "dominus.messaging.public-url") String publicUrl) {
        this.client = client;
        this.channels = channels;
        this.transactions = transactions;
        this.publicUrl = publicUrl;
    }

    /** Points the instance's webhook at this channel's endpoint, carrying the secrets the endpoint checks. */
    public Uni<Void> registerWebhook(Channel channel) {
        Map<String, String> headers = new HashMap<>();
        if (channel.optionalSecret(EvolutionChannelKeys.WEBHOOK_SECRET) != null) {
            headers.put(SECRET_HEADER, channel.secret(EvolutionChannelKeys.WEBHOOK_SECRET));
        }
        if (channel.optionalSecret(EvolutionChannelKeys.JWT_KEY) != null) {
            headers.put(JWT_KEY_HEADER, channel.secret(EvolutionChannelKeys.JWT_KEY));
        }
        return client.registerWebhook(channel, publicUrl + "/webhooks/evolution/" + channel.id(), headers)
                .onFailure().transform(EvolutionInstances::providerError);
    }

    /** The instance's connection state as Evolution reports it now ({@code open}, {@code connecting}, {@code close}). */
    public Uni<String> connectionState(String tenantId, UUID channelId) {
        return channel(tenantId, channelId).chain(channel -> client.connectionState(channel)
                .onFailure().transform(EvolutionInstances::providerError)
                .call(state -> transactions.forTenant(tenantId, tx -> channels.recordConnection(tx, channelId, state))));
    }

    /** Starts pairing: the QR code (image and content) and pairing code, or {@code state: open} when paired. */
    public Uni<JsonObject> connect(String tenantId, UUID channelId) {
        return channel(tenantId, channelId).chain(channel -> client.connect(channel)
                .onFailure().transform(EvolutionInstances::providerError));
    }

    private Uni<Channel> channel(String tenantId, UUID channelId) {
        return transactions.forTenant(tenantId, tx -> channels.channel(tx, channelId)).map(found -> {
            Channel channel = found.orElseThrow(() -> ApiException.notFound("channel_not_found",
                    "no channel " + channelId));
            if (channel.provider() != Provider.EVOLUTION) {
                throw ApiException.conflict("not_evolution", "channel " + channelId + " is a " + channel.provider()
                        + " channel: only Evolution instances pair by QR code");
            }
            return channel;
        });
    }

    private static Throwable providerError(Throwable failure) {
        if (failure instanceof ApiException) {
            return failure;
        }
        int status = failure instanceof EvolutionApiException refused ? refused.status() : 0;
        return new ApiException(502, "provider_error", "the Evolution server did not do it: " + failure.getMessage(),
                status == 0 ? Map.of() : Map.of("providerStatus", status));
    }
}
