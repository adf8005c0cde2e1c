package com.dominusleads.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./dominus} as a user would, on a stack of its own: its own state directory and shifted ports, so it
 * never touches a stack the developer has running.
 */
final class DominusCommand {

    record Result(int exitCode, String output) {
    }

    private final Path checkout;
    private final Path stateDir;
    private final int portOffset;

    DominusCommand(Path checkout, Path stateDir, int portOffset) {
        this.checkout = checkout;
        this.stateDir = stateDir;
        this.portOffset = portOffset;
    }

    Result run(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(checkout.resolve("dominus").toString()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("DOMINUS_STATE", stateDir.toString());
            environment.put("DOMINUS_PORT_OFFSET", String.valueOf(portOffset));
            environment.put("NO_COLOR", "1");
            // The Maven build running this test has just built every module; a nested build would rebuild them.
            environment.put("DOMINUS_SKIP_BUILD", "1");
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    synchronized (output) {
                        output.append(text);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./dominus " + String.join(" ", arguments) + " did not finish in " + timeout);
            }
            reader.join();
            String text;
            synchronized (output) {
                text = output.toString();
            }
            System.out.printf("$ ./dominus %s  (exit %d)%n%s%n", String.join(" ", arguments), process.exitValue(), text);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
