package com.dominusleads.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code ./dominus reset [--yes]}: stops the stack and deletes {@code .dominus/} after a confirmation. */
public final class ResetCommand {

    private final LocalStack stack;
    private final DownCommand down;
    private final Console console;

    public ResetCommand(LocalStack stack, DownCommand down, Console console) {
        this.stack = stack;
        this.down = down;
        this.console = console;
    }

    public void run(boolean confirmed) throws IOException {
        Path dir = stack.home().stateDir();
        if (!Files.exists(dir)) {
            console.line("Nothing to reset: " + dir + " does not exist.");
            return;
        }
        if (!confirmed) {
            console.line("This stops the local stack and deletes " + dir + ": every local database, topic, schema and"
                    + " Keycloak change. Type 'yes' to continue:");
            String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
            if (answer == null || !answer.trim().equalsIgnoreCase("yes")) {
                console.line("Nothing was deleted.");
                return;
            }
        }
        down.run();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        console.line("Deleted " + dir + ". ./dominus up starts from scratch.");
    }
}
