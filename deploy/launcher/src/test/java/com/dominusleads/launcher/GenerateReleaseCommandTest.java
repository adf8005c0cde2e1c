package com.dominusleads.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./dominus generate-release: defaults, both option spellings, and a clear message (exit 2) for bad arguments. */
class GenerateReleaseCommandTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToAHundredThousandEstablishmentsWithSeedOne() {
        assertThat(GenerateReleaseCommand.parse(List.of("/tmp/release")))
                .isEqualTo(new GenerateReleaseCommand.Arguments(100_000, 1, Path.of("/tmp/release")));
    }

    @Test
    void takesOptionsBeforeOrAfterTheDirectoryWithOrWithoutEquals() {
        assertThat(GenerateReleaseCommand.parse(List.of("--establishments", "2_000_000", "--seed", "7", "/tmp/rel")))
                .isEqualTo(new GenerateReleaseCommand.Arguments(2_000_000, 7, Path.of("/tmp/rel")));
        assertThat(GenerateReleaseCommand.parse(List.of("/tmp/rel", "--establishments=2,000", "--seed=-3")))
                .isEqualTo(new GenerateReleaseCommand.Arguments(2_000, -3, Path.of("/tmp/rel")));
    }

    @Test
    void badArgumentsSayWhatIsWrong() throws IOException {
        Path file = Files.createFile(dir.resolve("a-file"));
        assertThatThrownBy(() -> GenerateReleaseCommand.parse(List.of())).hasMessageContaining("where to write");
        assertThatThrownBy(() -> GenerateReleaseCommand.parse(List.of("--establishments", "many", "/tmp/x")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> GenerateReleaseCommand.parse(List.of("--establishments", "0", "/tmp/x")))
                .hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> GenerateReleaseCommand.parse(List.of("/tmp/x", "--seed"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> GenerateReleaseCommand.parse(List.of("--size", "3", "/tmp/x"))).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> GenerateReleaseCommand.parse(List.of("/tmp/x", "/tmp/y"))).hasMessageContaining("one directory");
        assertThatThrownBy(() -> GenerateReleaseCommand.parse(List.of(file.toString()))).hasMessageContaining("not a directory");
        assertThat(new GenerateReleaseCommand(new Console()).run(List.of("--seed", "x", "/tmp/x"))).isEqualTo(2);
    }

    @Test
    void writesTheReleaseAndExitsZero() throws IOException {
        assertThat(new GenerateReleaseCommand(new Console()).run(List.of("--establishments", "500", dir.toString())))
                .isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".zip")).count()).isEqualTo(37);
        }
    }
}
