package com.dominusleads.leads.api;

import com.dominusleads.events.Cnpj;
import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.PreleadOutcomes;
import com.dominusleads.leads.domain.Reply;
import com.dominusleads.leads.persistence.PreleadStore;
import com.dominusleads.leads.persistence.ReplyStore;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Needs human review": replies the playbook could not decide ("talvez", "quem é?", interest and refusal at once),
 * with the company's replies, for a sales user to settle. Qualifying one makes it a lead (one credit), exactly once.
 */
@Path("/api/leads/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
public class ReviewResource {

    public record Review(String cnpj, String companyName, UUID selectionId, Instant since, List<Reply> replies) {
    }

    public record ReviewPage(List<Review> reviews, String nextCursor) {
    }

    /** {@code decision}: QUALIFIED, NOT_INTERESTED or INVALID. */
    public record Decision(@NotNull @Pattern(regexp = "QUALIFIED|NOT_INTERESTED|INVALID",
            message = "must be QUALIFIED, NOT_INTERESTED or INVALID") String decision) {
    }

    /** The pre-lead's new status, and its lead when qualified. */
    public record Decided(String cnpj, String status, Lead lead) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final PreleadStore preleads;
    private final ReplyStore replies;
    private final PreleadOutcomes outcomes;

    public ReviewResource(Caller caller, TenantTransactions transactions, PreleadStore preleads, ReplyStore replies,
                          PreleadOutcomes outcomes) {
        this.caller = caller;
        this.transactions = transactions;
        this.preleads = preleads;
        this.replies = replies;
        this.outcomes = outcomes;
    }

    @GET
    public Uni<ReviewPage> waiting(@QueryParam("cursor") @Size(max = 200) String cursor,
                                   @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        String tenantId = caller.tenantId();
        List<String> parts = PageCursor.decode(cursor, 2);
        Instant afterSince;
        try {
            afterSince = parts == null ? null : Instant.parse(parts.get(0));
        } catch (RuntimeException e) {
            throw new ApiException(400, "invalid_cursor", "The cursor is not one this API handed out: start again"
                    + " without it.", Map.of("field", "cursor"));
        }
        String afterCnpj = parts == null ? null : parts.get(1);
        return transactions.forTenant(tenantId, tx -> preleads.waiting(tx, tenantId, afterSince, afterCnpj, limit + 1)
                .chain(waiting -> replies.ofCompanies(tx, tenantId, waiting.stream().map(PreleadStore.Waiting::cnpj)
                        .toList()).map(found -> {
                            List<PreleadStore.Waiting> page = waiting.size() > limit ? waiting.subList(0, limit) : waiting;
                            List<Review> reviews = page.stream().map(w -> new Review(w.cnpj(), w.companyName(),
                                    w.selectionId(), w.since(), found.stream()
                                            .filter(reply -> reply.cnpj().equals(w.cnpj())).toList())).toList();
                            PreleadStore.Waiting last = page.isEmpty() ? null : page.get(page.size() - 1);
                            return new ReviewPage(reviews, waiting.size() > limit
                                    ? PageCursor.encode(last.since().toString(), last.cnpj()) : null);
                        })));
    }

    /** Settles a pre-lead's outcome (also one the playbook decided as not interested or invalid). */
    @POST
    @Path("/{cnpj}")
    public Uni<Decided> decide(@PathParam("cnpj") @Size(max = 32) String cnpj, @Valid @NotNull Decision decision) {
        String tenantId = caller.tenantId();
        String company = Cnpj.parse(cnpj).map(Cnpj::value).orElseThrow(() -> new ApiException(400, "invalid_cnpj",
                "'" + cnpj + "' is not a valid CNPJ: " + Cnpj.problemWith(cnpj) + "."));
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> outcomes.reviewed(tx, tenantId, company, decision.decision(), by))
                .map(lead -> new Decided(company, decision.decision(), lead.orElse(null)));
    }
}
