package com.dominusleads.leads.domain;

import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.PreleadStore;
import java.util.Map;
import com.dominusleads.leads.persistence.ReplyStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * A company replied ({@code message.replied}): the reply is kept, classified with the tenant's playbook, and decides
 * the pre-lead's outcome, in the consumer's transaction. The same inbound message twice is handled once.
 */
@ApplicationScoped
public class ReplyHandling {

    private final Playbooks playbooks;
    private final ReplyStore replies;
    private final PreleadStore preleads;
    private final PreleadOutcomes outcomes;
    private final CompanyEvents timeline;

    public ReplyHandling(Playbooks playbooks, ReplyStore replies, PreleadStore preleads, PreleadOutcomes outcomes,
                         CompanyEvents timeline) {
        this.timeline = timeline;
        this.playbooks = playbooks;
        this.replies = replies;
        this.preleads = preleads;
        this.outcomes = outcomes;
    }

    /** {@code reply.outcome()} and {@code reply.matched()} are filled here. */
    public Uni<Void> received(SqlClient tx, String tenantId, Reply reply) {
        return playbooks.classifier(tx, tenantId).chain(classifier -> {
            ReplyClassifier.Classification classification = classifier.classify(reply.text());
            Reply classified = new Reply(reply.messageId(), reply.cnpj(), reply.conversationId(), reply.channel(),
                    reply.sender(), reply.text(), reply.receivedAt(), classification.outcome().name(),
                    classification.matched());
            return replies.insert(tx, tenantId, classified).chain(isNew -> !isNew ? Uni.createFrom().voidItem()
                    : preleads.replied(tx, tenantId, reply.cnpj(), reply.conversationId(),
                                    reply.receivedAt().atOffset(ZoneOffset.UTC))
                            .chain(() -> timeline.append(tx, tenantId, null, reply.cnpj(), "MESSAGE_RECEIVED",
                                    Map.of("channel", reply.channel(), "sender", reply.sender(), "text", reply.text(),
                                            "outcome", classified.outcome(), "matched", classified.matched())))
                            .chain(() -> outcomes.classified(tx, tenantId, reply.cnpj(), classification.outcome(),
                                    reply.conversationId()))
                            .replaceWithVoid());
        });
    }
}
