package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.provider.SendResult;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Records providers' answers to sends ({@link SendResults}) in shared transactions, as a database groups commits:
 * answers that arrive while {@value #WRITERS} transactions are recording others wait for the next one, which records
 * up to {@value #BATCH} of a tenant. Under load a transaction, its connection and its commit serve many sends instead
 * of one each; an answer arriving alone is recorded at once. A batch that fails is recorded again answer by answer,
 * so one answer that cannot be recorded never holds up the others.
 */
@ApplicationScoped
public class SendAnswers {

    private static final Logger LOG = Logger.getLogger(SendAnswers.class);
    /** Transactions recording answers at once: fewer than the pool's connections, which webhooks need too. */
    static final int WRITERS = 4;
    /** Answers per transaction: enough to spread its cost, few enough not to hold their rows' locks for long. */
    static final int BATCH = 64;

    private record Answer(PendingMessage message, Channel channel, SendResult result,
                          CompletableFuture<Void> recorded) {
    }

    private final TenantTransactions transactions;
    private final SendResults results;
    private final Queue<Answer> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writers = new AtomicInteger();

    public SendAnswers(TenantTransactions transactions, SendResults results) {
        this.transactions = transactions;
        this.results = results;
    }

    /** Records {@code result}, the answer to sending {@code message} through {@code channel}; done once committed. */
    public Uni<Void> record(PendingMessage message, Channel channel, SendResult result) {
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        waiting.add(new Answer(message, channel, result, recorded));
        write();
        return Uni.createFrom().completionStage(recorded);
    }

    /** Starts writers while answers wait and fewer than {@link #WRITERS} run; each starts this again when done. */
    private void write() {
        while (!waiting.isEmpty()) {
            int running = writers.get();
            if (running >= WRITERS) {
                return;
            }
            if (!writers.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Answer> batch = new ArrayList<>(BATCH);
            for (Answer answer = waiting.poll(); answer != null; answer = batch.size() < BATCH ? waiting.poll() : null) {
                batch.add(answer);
            }
            Multi.createFrom().iterable(byTenant(batch))
                    .onItem().transformToUniAndConcatenate(this::inOneTransaction)
                    .collect().last()
                    .onTermination().invoke(() -> {
                        writers.decrementAndGet();
                        write();
                    })
                    .subscribe().with(ignored -> { }, failure -> LOG.warnf("Recording send answers failed: %s",
                            failure.toString()));
        }
    }

    private static Iterable<List<Answer>> byTenant(List<Answer> batch) {
        Map<String, List<Answer>> byTenant = new LinkedHashMap<>();
        batch.forEach(answer -> byTenant.computeIfAbsent(answer.message().tenantId(), t -> new ArrayList<>())
                .add(answer));
        return byTenant.values();
    }

    private Uni<Void> inOneTransaction(List<Answer> answers) {
        if (answers.size() == 1) {
            return alone(answers.getFirst());
        }
        return transactions.forTenant(answers.getFirst().message().tenantId(), tx -> Multi.createFrom()
                        .iterable(answers)
                        .onItem().transformToUniAndConcatenate(answer -> results.apply(tx, answer.message(),
                                answer.channel(), answer.result()))
                        .collect().last())
                .invoke(() -> answers.forEach(answer -> answer.recorded().complete(null)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("A batch of %d send answers failed (%s); recording them one by one", answers.size(),
                            failure.toString());
                    return Multi.createFrom().iterable(answers).onItem().transformToUniAndConcatenate(this::alone)
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> alone(Answer answer) {
        return transactions.forTenant(answer.message().tenantId(),
                        tx -> results.apply(tx, answer.message(), answer.channel(), answer.result()))
                .invoke(() -> answer.recorded().complete(null))
                .onFailure().invoke(failure -> answer.recorded().completeExceptionally(failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
