package com.dominusleads.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pid files survive the launcher and never mistake a dead or recycled pid for a running component. */
class RunStateTest {

    @TempDir
    Path stateDir;

    @Test
    void aRecordedLiveProcessIsRunning() throws IOException {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        try {
            RunState state = new RunState(stateDir);
            state.recordPid("kafka", sleeper.toHandle());

            assertThat(new RunState(stateDir).running("kafka")).map(ProcessHandle::pid).contains(sleeper.pid());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aKilledProcessIsNotRunningAndItsPidFileIsRemoved() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        RunState state = new RunState(stateDir);
        state.recordPid("connect", sleeper.toHandle());
        sleeper.destroyForcibly().waitFor();

        assertThat(state.running("connect")).isEmpty();
        assertThat(stateDir.resolve("run/connect.pid")).doesNotExist();
    }

    @Test
    void aPidReusedByAnotherProcessIsNotTakenForOurs() throws IOException {
        Files.createDirectories(stateDir.resolve("run"));
        long self = ProcessHandle.current().pid();
        // Same pid, but a start time an hour away from this process's: the recorded process is gone.
        long otherStart = ProcessHandle.current().info().startInstant().orElseThrow()
                .minus(Duration.ofHours(1)).toEpochMilli();
        Files.writeString(stateDir.resolve("run/postgres.pid"), self + " " + otherStart);

        assertThat(new RunState(stateDir).running("postgres")).isEmpty();
    }

    @Test
    void aGarbledPidFileMeansNotRunning() throws IOException {
        Files.createDirectories(stateDir.resolve("run"));
        Files.writeString(stateDir.resolve("run/apicurio.pid"), "not a pid");

        assertThat(new RunState(stateDir).running("apicurio")).isEmpty();
    }
}
