package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.Activity;
import com.dominusleads.leads.domain.BillingState;
import com.dominusleads.leads.domain.Crm;
import com.dominusleads.leads.domain.LeadDetail;
import com.dominusleads.leads.domain.LeadFilter;
import com.dominusleads.leads.domain.Note;
import com.dominusleads.leads.persistence.ActivityStore;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.CrmStore;
import com.dominusleads.leads.persistence.NoteStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.api.PageCursor;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The leads CRM: the tenant's leads with filters and a keyset cursor, one lead with its company and contacts (hidden
 * until it is paid for), its stage, owner and tags, notes, activities and timeline.
 */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
public class CrmResource {

    public record LeadPage(List<LeadDetail> leads, String nextCursor) {
    }

    /** Null fields are left as they are; {@code owner} "" clears it; {@code tags} replaces them all. */
    public record LeadChange(UUID pipelineId, @Size(max = 60) String stage, @Size(max = 100) String owner,
                             @Size(max = 20) List<@NotNull @Size(max = 40) String> tags) {
    }

    public record NoteRequest(@NotBlank @Size(max = 5_000) String text) {
    }

    /** {@code dueAt}: an ISO-8601 instant, optional. */
    public record ActivityRequest(@NotNull @Pattern(regexp = "CALL|MEETING|TASK", message = "must be CALL, MEETING or TASK") String kind,
                                  @NotBlank @Size(max = 200) String title, @Size(max = 40) String dueAt) {
    }

    public record Work(List<Note> notes, List<Activity> activities) {
    }

    public record Timeline(List<CompanyEvents.Entry> events) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final Crm crm;
    private final CrmStore leads;
    private final NoteStore notes;
    private final ActivityStore activities;

    public CrmResource(Caller caller, TenantTransactions transactions, Crm crm, CrmStore leads, NoteStore notes,
                       ActivityStore activities) {
        this.caller = caller;
        this.transactions = transactions;
        this.crm = crm;
        this.leads = leads;
        this.notes = notes;
        this.activities = activities;
    }

    /** The tenant's leads, newest first. {@code q}: part of the company's name, or its CNPJ. */
    @GET
    public Uni<LeadPage> list(@QueryParam("pipelineId") UUID pipelineId, @QueryParam("stage") @Size(max = 60) String stage,
                              @QueryParam("owner") @Size(max = 100) String owner, @QueryParam("tag") @Size(max = 40) String tag,
                              @QueryParam("billingState") String billingState, @QueryParam("q") @Size(max = 100) String text,
                              @QueryParam("cursor") @Size(max = 200) String cursor,
                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String tenantId = caller.tenantId();
        LeadFilter filter = filter(pipelineId, stage, owner, tag, billingState, text, cursor);
        return transactions.forTenant(tenantId, tx -> leads.list(tx, tenantId, filter, limit + 1)).map(page -> {
            if (page.size() <= limit) {
                return new LeadPage(page, null);
            }
            LeadDetail last = page.get(limit - 1);
            return new LeadPage(page.subList(0, limit), new PageCursor.At(last.qualifiedAt(), last.id()).encode());
        });
    }

    @GET
    @Path("/{leadId}")
    public Uni<LeadDetail> lead(@PathParam("leadId") UUID leadId) {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> crm.detail(tx, tenantId, leadId));
    }

    /** Moves the lead to a stage (publishing lead.stage-changed), gives it an owner, tags it. */
    @PATCH
    @Path("/{leadId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
    public Uni<LeadDetail> change(@PathParam("leadId") UUID leadId, @Valid @NotNull LeadChange change) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> crm.change(tx, tenantId, leadId,
                new Crm.Change(change.pipelineId(), change.stage(), change.owner(), change.tags()), by));
    }

    /** Its notes and activities (open activities first, by due date). */
    @GET
    @Path("/{leadId}/work")
    public Uni<Work> work(@PathParam("leadId") UUID leadId) {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> crm.detail(tx, tenantId, leadId)
                .chain(lead -> notes.of(tx, tenantId, leadId))
                .chain(found -> activities.of(tx, tenantId, leadId).map(open -> new Work(found, open))));
    }

    @POST
    @Path("/{leadId}/notes")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
    public Uni<Response> note(@PathParam("leadId") UUID leadId, @Valid @NotNull NoteRequest request) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> crm.addNote(tx, tenantId, leadId, request.text(), by))
                .map(note -> Response.status(201).entity(note).build());
    }

    @POST
    @Path("/{leadId}/activities")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
    public Uni<Response> activity(@PathParam("leadId") UUID leadId, @Valid @NotNull ActivityRequest request) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        Instant due = instant("dueAt", request.dueAt());
        return transactions.forTenant(tenantId, tx -> crm.addActivity(tx, tenantId, leadId, request.kind(),
                request.title(), due, by)).map(activity -> Response.status(201).entity(activity).build());
    }

    @POST
    @Path("/{leadId}/activities/{activityId}/done")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
    public Uni<Activity> done(@PathParam("leadId") UUID leadId, @PathParam("activityId") UUID activityId) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> crm.activityDone(tx, tenantId, leadId, activityId, by));
    }

    /** Everything that happened to the lead's company, from its selection on, oldest first. */
    @GET
    @Path("/{leadId}/timeline")
    public Uni<Timeline> timeline(@PathParam("leadId") UUID leadId) {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> crm.timeline(tx, tenantId, leadId)).map(Timeline::new);
    }

    static LeadFilter filter(UUID pipelineId, String stage, String owner, String tag, String billingState, String text,
                             String cursor) {
        BillingState state = null;
        if (billingState != null && !billingState.isBlank()) {
            try {
                state = BillingState.valueOf(billingState.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_billing_state", "billingState must be one of AWAITING_CHARGE,"
                        + " CHARGED, LOCKED, NOT_BILLED.", Map.of("field", "billingState"));
            }
        }
        PageCursor.At after = PageCursor.At.decode(cursor);
        return new LeadFilter(pipelineId, blank(stage), blank(owner), blank(tag), state, blank(text),
                after == null ? null : after.at(), after == null ? null : after.id());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid_" + field, field + " must be an ISO-8601 instant such as"
                    + " 2026-12-01T14:00:00Z, not '" + value + "'.", Map.of("field", field));
        }
    }
}
