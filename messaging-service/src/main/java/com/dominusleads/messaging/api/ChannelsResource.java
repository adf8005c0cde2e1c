package com.dominusleads.messaging.api;

import com.dominusleads.messaging.domain.ChannelInfo;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.Channels;
import com.dominusleads.messaging.domain.EvolutionInstances;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's senders: WhatsApp numbers (Meta, Twilio, Evolution), SMS numbers (Twilio) and mailboxes (SMTP/IMAP).
 * Admins create and change them; every tenant role can see them (never their secrets, only which are set).
 */
@Path("/api/messaging/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
public class ChannelsResource {

    public record CreateRequest(@NotNull ChannelKind kind, @NotNull Provider provider,
                                @NotBlank @Size(max = 320) String address, @Size(max = 200) String name,
                                Map<@NotBlank String, @NotNull @Size(max = 2000) String> settings,
                                Map<@NotBlank String, @NotNull @Size(max = 4000) String> secrets,
                                @Min(1) @Max(100_000) Integer dailyCap, @Min(1) @Max(1_000) Integer perSecond) {
    }

    public record ChangeRequest(@Size(min = 1, max = 200) String name,
                                Map<@NotBlank String, @Size(max = 2000) String> settings,
                                Map<@NotBlank String, @Size(max = 4000) String> secrets,
                                @Min(1) @Max(100_000) Integer dailyCap, @Min(1) @Max(1_000) Integer perSecond,
                                @Pattern(regexp = "ACTIVE|PAUSED") String status) {
    }

    private final Channels channels;
    private final EvolutionInstances evolution;
    private final ChannelStore store;
    private final TenantTransactions transactions;
    private final Caller caller;
    private final WebhookChannels webhookChannels;

    public ChannelsResource(Channels channels, EvolutionInstances evolution, ChannelStore store,
                            TenantTransactions transactions, Caller caller, WebhookChannels webhookChannels) {
        this.channels = channels;
        this.evolution = evolution;
        this.store = store;
        this.transactions = transactions;
        this.caller = caller;
        this.webhookChannels = webhookChannels;
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> create(@Valid @NotNull CreateRequest request) {
        return channels.create(caller.tenantId(), new Channels.Definition(request.kind(), request.provider(),
                        request.address(), request.name(), request.settings(), request.secrets(), request.dailyCap(),
                        request.perSecond()))
                .map(channel -> Response.created(URI.create("/api/messaging/channels/" + channel.id()))
                        .entity(channel).build());
    }

    @GET
    public Uni<List<ChannelInfo>> list() {
        String tenant = caller.tenantId();
        return transactions.forTenant(tenant, tx -> store.list(tx, tenant));
    }

    @GET
    @Path("/{id}")
    public Uni<ChannelInfo> get(@PathParam("id") UUID id) {
        String tenant = caller.tenantId();
        return transactions.forTenant(tenant, tx -> store.info(tx, tenant, id))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("channel_not_found", "no channel " + id)));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<ChannelInfo> change(@PathParam("id") UUID id, @Valid @NotNull ChangeRequest request) {
        return channels.change(caller.tenantId(), id, new Channels.Change(request.name(), request.settings(),
                        request.secrets(), request.dailyCap(), request.perSecond(), request.status()))
                .invoke(() -> webhookChannels.forget(id));
    }

    /** An Evolution instance's connection state, asked of the tenant's Evolution server now. */
    @GET
    @Path("/{id}/connection")
    public Uni<Map<String, String>> connection(@PathParam("id") UUID id) {
        return evolution.connectionState(caller.tenantId(), id).map(state -> Map.of("state", state));
    }

    /**
     * Starts pairing an Evolution instance: Evolution's QR code ({@code base64} image, {@code code}) and
     * {@code pairingCode}, passed through; or {@code state: open} when it is paired already.
     */
    @POST
    @Path("/{id}/connect")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Map<String, Object>> connect(@PathParam("id") UUID id) {
        return evolution.connect(caller.tenantId(), id).map(JsonObject::getMap);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return channels.delete(caller.tenantId(), id).invoke(() -> webhookChannels.forget(id))
                .map(ignored -> Response.noContent().build());
    }
}
