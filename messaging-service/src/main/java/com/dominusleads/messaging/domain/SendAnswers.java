package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.domain.SendResults.Answer;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.provider.SendResult;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records providers' answers to sends ({@link SendResults}) in shared transactions ({@link Batches}): under load a
 * transaction records up to {@value #BATCH} answers of a tenant. A batch that fails is recorded again answer by
 * answer, so one answer that cannot be recorded never holds up the others; an answer that still cannot be recorded
 * (the database away) is tried again with back-off, because the provider's answer is known only here: left to the
 * in-doubt reconciliation, a send Meta cannot be asked about would go out twice.
 */
@ApplicationScoped
public class SendAnswers {

    private static final Logger LOG = Logger.getLogger(SendAnswers.class);
    /** Transactions recording answers at once: fewer than the pool's connections, which webhooks need too. */
    static final int WRITERS = 4;
    /** Answers per transaction: enough to spread its cost, few enough not to hold their rows' locks for long. */
    static final int BATCH = 64;
    /** Recording one answer is tried for some seconds, well within the send's lease, before reconciliation takes over. */
    private static final int ALONE_TRIES = 5;

    private final TenantTransactions transactions;
    private final SendResults results;
    private final MessageStore messages;
    private final Batches<Answer, Void> batches = new Batches<>("send answers", WRITERS, BATCH, this::record);

    public SendAnswers(TenantTransactions transactions, SendResults results, MessageStore messages) {
        this.transactions = transactions;
        this.results = results;
        this.messages = messages;
    }

    /** Records {@code result}, the answer to sending {@code message} through {@code channel}; done once committed. */
    public Uni<Void> record(PendingMessage message, Channel channel, SendResult result) {
        return batches.submit(new Answer(message, channel, result));
    }

    private Uni<Void> record(List<Batches.Item<Answer, Void>> batch) {
        Map<String, List<Batches.Item<Answer, Void>>> byTenant = new LinkedHashMap<>();
        batch.forEach(item -> byTenant.computeIfAbsent(item.value().message().tenantId(), t -> new ArrayList<>())
                .add(item));
        return Multi.createFrom().iterable(byTenant.values())
                .onItem().transformToUniAndConcatenate(this::inOneTransaction)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> inOneTransaction(List<Batches.Item<Answer, Void>> answers) {
        if (answers.size() == 1) {
            return alone(answers.getFirst());
        }
        List<Answer> all = answers.stream().map(Batches.Item::value).toList();
        return transactions.forTenant(all.getFirst().message().tenantId(), tx -> messages.lock(tx, all.stream()
                        .map(answer -> answer.message().id()).toList())
                        .chain(() -> results.applyAll(tx, all)))
                .invoke(() -> answers.forEach(item -> item.complete(null)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("A batch of %d send answers failed (%s); recording them one by one", answers.size(),
                            failure.toString());
                    return Multi.createFrom().iterable(answers).onItem().transformToUniAndConcatenate(this::alone)
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> alone(Batches.Item<Answer, Void> item) {
        Answer answer = item.value();
        return transactions.forTenant(answer.message().tenantId(), tx -> results.applyAll(tx, List.of(answer)))
                .onFailure().retry().withBackOff(Duration.ofMillis(250), Duration.ofSeconds(4)).atMost(ALONE_TRIES)
                .invoke(() -> item.complete(null))
                .onFailure().invoke(failure -> {
                    LOG.warnf("The answer to message %s could not be recorded (%s); it is reconciled after its lease",
                            answer.message().id(), failure.toString());
                    item.fail(failure);
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
