package com.dominusleads.messaging.domain;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Group commit for database work per item: items submitted while {@code concurrency} batches are under way wait and
 * go together in the next, up to {@code maxBatch}. Under load one statement, connection and commit serve many items;
 * an item arriving alone goes at once. The handler completes each item; any it leaves open fails with its failure.
 *
 * @param <I> what is submitted
 * @param <O> what each item's caller gets back
 */
final class Batches<I, O> {

    /** An item of a batch, for the handler to complete. */
    static final class Item<I, O> {
        private final I value;
        private final CompletableFuture<O> done = new CompletableFuture<>();

        private Item(I value) {
            this.value = value;
        }

        I value() {
            return value;
        }

        void complete(O result) {
            done.complete(result);
        }

        void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }
    }

    private static final Logger LOG = Logger.getLogger(Batches.class);
    static final java.time.Duration STUCK_AFTER = java.time.Duration.ofSeconds(60);

    private final String name;
    private final int concurrency;
    private final int maxBatch;
    private final Function<List<Item<I, O>>, Uni<Void>> handler;
    private final Queue<Item<I, O>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    Batches(String name, int concurrency, int maxBatch, Function<List<Item<I, O>>, Uni<Void>> handler) {
        this.name = name;
        this.concurrency = concurrency;
        this.maxBatch = maxBatch;
        this.handler = handler;
    }

    Uni<O> submit(I value) {
        Item<I, O> item = new Item<>(value);
        waiting.add(item);
        drain();
        return Uni.createFrom().completionStage(item.done);
    }

    /** Starts batches while items wait and fewer than {@code concurrency} run; each starts this again when done. */
    private void drain() {
        while (!waiting.isEmpty()) {
            int now = running.get();
            if (now >= concurrency) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            List<Item<I, O>> batch = new ArrayList<>(maxBatch);
            for (Item<I, O> item = waiting.poll(); item != null; item = batch.size() < maxBatch ? waiting.poll() : null) {
                batch.add(item);
            }
            if (batch.isEmpty()) {   // another thread took them
                running.decrementAndGet();
                continue;
            }
            Uni.createFrom().deferred(() -> handler.apply(batch))
                    // A batch stuck on a stalled connection must not hold its slot, and every later batch, forever.
                    .ifNoItem().after(STUCK_AFTER).fail()
                    .subscribe().with(ignored -> finish(batch, null), failure -> finish(batch, failure));
        }
    }

    private void finish(List<Item<I, O>> batch, Throwable failure) {
        if (failure != null) {
            LOG.warnf("A %s batch of %d failed: %s", name, batch.size(), failure.toString());
        }
        Throwable open = failure != null ? failure : new IllegalStateException(name + ": the batch left an item open");
        batch.forEach(item -> item.done.completeExceptionally(open));   // no-op for the items it completed
        running.decrementAndGet();
        drain();
    }
}
