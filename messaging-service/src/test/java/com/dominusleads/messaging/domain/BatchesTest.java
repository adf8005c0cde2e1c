package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final List<UniEmitter<? super Void>> running = new CopyOnWriteArrayList<>();

    /** A handler that doubles each item, finishing only when the test releases it. */
    private Uni<Void> held(List<Batches.Item<Integer, Integer>> items) {
        batches.add(items.stream().map(Batches.Item::value).toList());
        return Uni.createFrom().<Void>emitter(running::add)
                .invoke(() -> items.forEach(item -> item.complete(item.value() * 2)));
    }

    @Test
    void itemsArrivingWhileBatchesRunGoTogetherInTheNext() {
        Batches<Integer, Integer> grouped = new Batches<>("test", 1, 3, this::held);
        List<Uni<Integer>> results = new ArrayList<>();

        for (int i = 1; i <= 5; i++) {
            results.add(grouped.submit(i).memoize().indefinitely());
            results.getLast().subscribe().with(x -> { }, x -> { });
        }
        running.getFirst().complete(null);
        running.get(1).complete(null);
        running.get(2).complete(null);

        assertThat(batches).containsExactly(List.of(1), List.of(2, 3, 4), List.of(5));
        assertThat(results).extracting(uni -> uni.await().atMost(Duration.ofSeconds(1)))
                .containsExactly(2, 4, 6, 8, 10);
    }

    @Test
    void aFailedBatchFailsItsItemsAndTheNextBatchStillRuns() {
        List<List<Integer>> seen = new CopyOnWriteArrayList<>();
        Batches<Integer, Integer> failing = new Batches<>("test", 1, 10, items -> {
            seen.add(items.stream().map(Batches.Item::value).toList());
            return items.getFirst().value() == 1 ? Uni.createFrom().failure(new IllegalStateException("database away"))
                    : Uni.createFrom().voidItem().invoke(() -> items.forEach(item -> item.complete(item.value())));
        });

        assertThatThrownBy(() -> failing.submit(1).await().atMost(Duration.ofSeconds(1)))
                .hasMessageContaining("database away");
        assertThat(failing.submit(2).await().atMost(Duration.ofSeconds(1))).isEqualTo(2);
    }

    @Test
    void anItemTheHandlerForgetsFailsInsteadOfHangingItsCaller() {
        Batches<Integer, Integer> forgetful = new Batches<>("test", 1, 10, items -> Uni.createFrom().voidItem());

        assertThatThrownBy(() -> forgetful.submit(1).await().atMost(Duration.ofSeconds(1)))
                .hasMessageContaining("left an item open");
    }
}
