package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The dispatcher's loop against a queue of due messages whose sends end when the test says. */
class DispatchLoopTest {

    private final List<Integer> asked = new CopyOnWriteArrayList<>();
    private int due;
    private int claimed;
    private DispatchLoop loop;

    /** A round that claims up to {@code limit} of the due messages at once and starts a send for each. */
    private Uni<Integer> claim(int limit) {
        asked.add(limit);
        int now = Math.min(limit, due);
        due -= now;
        claimed += now;
        for (int i = 0; i < now; i++) {
            loop.sendStarted();
        }
        return Uni.createFrom().item(now);
    }

    private void endSends(int count) {
        for (int i = 0; i < count; i++) {
            loop.sendEnded();
        }
    }

    @Test
    void aBacklogGoesOutWithoutWaitingForTheSchedulerRoundsFillTheCapAndFreedCapacityClaimsMore() {
        loop = new DispatchLoop(10, 40, this::claim);
        due = 100;

        loop.start().await().indefinitely();
        assertThat(asked).containsExactly(10, 10, 10, 10);
        assertThat(loop.inFlight()).isEqualTo(40);

        endSends(19);                     // 21 in flight: no room worth a round yet
        assertThat(asked).hasSize(4);
        endSends(1);                      // half the cap free: the next loop starts at once
        assertThat(asked).containsExactly(10, 10, 10, 10, 10, 10);
        assertThat(loop.inFlight()).isEqualTo(40);

        while (loop.inFlight() > 0) {
            endSends(Math.min(20, loop.inFlight()));
        }
        assertThat(claimed).isEqualTo(100);
        assertThat(due).isZero();
    }

    @Test
    void aLoopEndsWhenARoundClaimsLessThanItAskedForNothingMoreIsDue() {
        loop = new DispatchLoop(10, 40, this::claim);
        due = 13;

        loop.start().await().indefinitely();

        assertThat(asked).containsExactly(10, 10);
        assertThat(loop.inFlight()).isEqualTo(13);
    }

    @Test
    void aStartAskedForWhileALoopRunsRunsAnotherLoopWhenItEnds() {
        List<UniEmitter<? super Integer>> rounds = new CopyOnWriteArrayList<>();
        loop = new DispatchLoop(10, 40, limit -> {
            asked.add(limit);
            return Uni.createFrom().emitter(rounds::add);
        });

        loop.start().subscribe().with(ignored -> { });
        assertThat(rounds).hasSize(1);
        loop.start().await().indefinitely();      // a loop runs: this start is kept for later, not run beside it
        assertThat(rounds).hasSize(1);

        rounds.getFirst().complete(0);            // nothing was due when the first looked
        assertThat(rounds).hasSize(2);            // but the start asked for meanwhile looks again
        rounds.get(1).complete(0);
        assertThat(rounds).hasSize(2);
    }

    @Test
    void aFailedRoundEndsTheLoopAndTheNextStartRunsAgain() {
        loop = new DispatchLoop(10, 40, limit -> {
            asked.add(limit);
            return asked.size() == 1 ? Uni.createFrom().failure(new IllegalStateException("database away"))
                    : Uni.createFrom().item(0);
        });

        loop.start().await().indefinitely();
        loop.start().await().indefinitely();

        assertThat(asked).containsExactly(10, 10);
    }
}
