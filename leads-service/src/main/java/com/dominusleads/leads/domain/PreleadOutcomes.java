package com.dominusleads.leads.domain;

import com.dominusleads.events.Cnpj;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.PreleadStore;
import java.util.Map;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Where a pre-lead's qualification ends: qualified (it becomes a lead, and {@code lead.qualified} goes to the outbox
 * in the same transaction, so the ledger debits exactly one credit), not interested, invalid, or waiting for a human.
 * A reply decides a pre-lead still in play; a sales user's review may also overturn a refusal or an invalid mark.
 */
@ApplicationScoped
public class PreleadOutcomes {

    /** Score of a lead qualified by a playbook phrase; a person's decision scores 100. */
    public static final int CLASSIFIED_SCORE = 80;
    public static final int REVIEWED_SCORE = 100;

    private static final Set<String> IN_PLAY = Set.of("QUEUED", "CONTACTED", "REPLIED", "NEEDS_REVIEW");
    private static final Set<String> REVIEWABLE = Set.of("QUEUED", "CONTACTED", "REPLIED", "NEEDS_REVIEW",
            "NOT_INTERESTED", "INVALID");

    private final PreleadStore preleads;
    private final LeadQualification qualification;
    private final CompanyEvents timeline;

    public PreleadOutcomes(PreleadStore preleads, LeadQualification qualification, CompanyEvents timeline) {
        this.timeline = timeline;
        this.preleads = preleads;
        this.qualification = qualification;
    }

    /** A reply's classification; a pre-lead already decided (or not started) is left as it is. Returns the lead made. */
    public Uni<Optional<Lead>> classified(SqlClient tx, String tenantId, String cnpj, ReplyClassifier.Outcome outcome,
                                          String conversationId) {
        return preleads.lock(tx, tenantId, cnpj).chain(found -> found.isEmpty() || !IN_PLAY.contains(found.get().status())
                ? Uni.createFrom().item(Optional.<Lead>empty())
                : apply(tx, tenantId, cnpj, found.get(), status(outcome), conversationId, CLASSIFIED_SCORE, null));
    }

    /**
     * A sales user's decision on a pre-lead ({@code QUALIFIED}, {@code NOT_INTERESTED} or {@code INVALID}): 404 if the
     * tenant has no such pre-lead being qualified, 409 if it is already a lead or opted out.
     */
    public Uni<Optional<Lead>> reviewed(SqlClient tx, String tenantId, String cnpj, String status, String by) {
        return preleads.lock(tx, tenantId, cnpj).chain(found -> {
            if (found.isEmpty() || found.get().status().equals("SELECTED")) {
                throw ApiException.notFound("prelead_not_found", "No company " + cnpj + " is being qualified in your"
                        + " workspace.");
            }
            if (!REVIEWABLE.contains(found.get().status())) {
                throw ApiException.conflict("prelead_decided", "Company " + cnpj + " is already "
                        + found.get().status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + ": its outcome can no longer change.");
            }
            return apply(tx, tenantId, cnpj, found.get(), status, null, REVIEWED_SCORE, by);
        });
    }

    private Uni<Optional<Lead>> apply(SqlClient tx, String tenantId, String cnpj, PreleadStore.Tracked prelead,
                                      String status, String conversationId, int score, String by) {
        // The suite's classification has no actor; a person's review names who decided.
        Uni<Void> decided = preleads.decide(tx, tenantId, cnpj, status).chain(() -> timeline.append(tx, tenantId, by,
                cnpj, by == null ? "CLASSIFIED" : "REVIEWED", Map.of("status", status)));
        if (!status.equals("QUALIFIED")) {
            return decided.replaceWith(Optional.empty());
        }
        Qualification qualified = new Qualification(tenantId, new Cnpj(cnpj), prelead.runId().toString(),
                conversationId, score);
        return decided.chain(() -> qualification.qualify(tx, qualified)).map(result -> Optional.of(result.lead()));
    }

    private static String status(ReplyClassifier.Outcome outcome) {
        return switch (outcome) {
            case INTERESTED -> "QUALIFIED";
            case NOT_INTERESTED -> "NOT_INTERESTED";
            case INVALID -> "INVALID";
            case NEEDS_REVIEW -> "NEEDS_REVIEW";
        };
    }
}
