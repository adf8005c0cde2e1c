package com.dominusleads.messaging.domain;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/**
 * When the dispatcher claims: rounds back to back while each claims all it asked for (more is due), within a cap of
 * sends in flight; one loop at a time. The scheduler starts a loop every interval, and half the cap freed starts one
 * at once. A start asked for while a loop runs is not dropped: that loop runs again when it ends (bench messaging:
 * dropped starts left the provider calls idle until the next interval, with nothing in flight).
 */
final class DispatchLoop {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class);
    /** Rounds per loop before it hands over to a fresh one (a chain, not an ever longer one). */
    static final int MAX_ROUNDS = 50;

    private final int batchSize;
    private final int maxInFlight;
    private final IntFunction<Uni<Integer>> round;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    /**
     * @param round claims and decides up to the given number of due messages, calling {@link #sendStarted} for each
     *              send it starts; its result is how many it claimed
     */
    DispatchLoop(int batchSize, int maxInFlight, IntFunction<Uni<Integer>> round) {
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.round = round;
    }

    /** Runs a loop; when one runs already, has it run again once it ends. Completes when this call's part is done. */
    Uni<Void> start() {
        wanted.set(true);
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        wanted.set(false);
        return rounds(0).onTermination().invoke(() -> {
            running.set(false);
            if (wanted.get()) {
                start().subscribe().with(ignored -> { }, failure -> { });
            }
        });
    }

    void sendStarted() {
        inFlight.incrementAndGet();
    }

    /** A send is over (its answer recorded, or it failed): half the cap freed starts a loop at once. */
    void sendEnded() {
        if (inFlight.decrementAndGet() == maxInFlight / 2) {
            start().subscribe().with(ignored -> { }, failure -> { });
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    private Uni<Void> rounds(int done) {
        int room = Math.min(batchSize, maxInFlight - inFlight.get());
        // Near the cap, a round would claim a handful: the loop ends, and half the cap freed starts the next.
        if (room <= 0 || (done > 0 && room < batchSize / 2)) {
            return Uni.createFrom().voidItem();
        }
        if (done >= MAX_ROUNDS) {
            wanted.set(true);
            return Uni.createFrom().voidItem();
        }
        return round.apply(room)
                .chain(claimed -> claimed == room ? rounds(done + 1) : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Dispatch round failed (%s); the next one retries", failure.toString());
                    return null;
                });
    }
}
