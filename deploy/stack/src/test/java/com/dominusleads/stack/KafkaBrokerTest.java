package com.dominusleads.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void clusterIdsHaveKafkasFormat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = KafkaBroker.clusterId();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }
}
