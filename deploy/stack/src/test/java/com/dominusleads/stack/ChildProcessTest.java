package com.dominusleads.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path temp;

    @Test
    void aServerThatDiesWhileStartingFailsWithTheEndOfItsLog() {
        ProcessSpec crashing = new ProcessSpec("crashing", List.of("sh", "-c", "echo 'port 5 is taken'; exit 3"),
                temp, Map.of(), URI.create("tcp://127.0.0.1:" + Ports.free()));

        assertThatThrownBy(() -> ChildProcess.startReady(crashing, temp.resolve("crashing.log"), Duration.ofSeconds(30)))
                .hasMessageContaining("crashing did not become ready")
                .hasMessageContaining("port 5 is taken");
    }

    @Test
    void stopEndsTheProcessAndEverythingItStarted() {
        ProcessSpec parent = new ProcessSpec("parent", List.of("sh", "-c", "sleep 300 & sleep 300 & wait"),
                temp, Map.of(), URI.create("tcp://127.0.0.1:1"));
        ChildProcess process = ChildProcess.start(parent, temp.resolve("parent.log"), false);
        Probe.await(() -> process.handle().descendants().count() == 2, () -> true, Duration.ofSeconds(10));
        List<ProcessHandle> children = process.handle().descendants().toList();

        process.stop(Duration.ofSeconds(5));

        assertThat(children).hasSize(2).noneMatch(ProcessHandle::isAlive);
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void theEnvironmentMarkFindsAProcessEvenWithoutItsPid() {
        String mark = "test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        ProcessSpec marked = new ProcessSpec("marked", List.of("sleep", "300"), temp, Map.of("DOMINUS_TEST_MARK", mark),
                URI.create("tcp://127.0.0.1:1"));
        ChildProcess process = ChildProcess.start(marked, temp.resolve("marked.log"), false);
        try {
            assertThat(MarkedProcesses.with("DOMINUS_TEST_MARK", mark)).extracting(ProcessHandle::pid)
                    .containsExactly(process.pid());
            assertThat(MarkedProcesses.valueOf(process.handle(), "DOMINUS_TEST_MARK")).contains(mark);
            assertThat(MarkedProcesses.with("DOMINUS_TEST_MARK", mark + "x")).isEmpty();
        } finally {
            process.stop(Duration.ofSeconds(5));
        }
    }
}
