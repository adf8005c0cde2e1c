package com.dominusleads.launcher;

import com.dominusleads.stack.Directories;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ./dominus reset [--yes]}: stops the stack and deletes {@code .dominus/} after a confirmation. */
public final class ResetCommand {

    /** Present in every state directory; reset refuses to delete a directory without it (a mistyped DOMINUS_STATE). */
    public static final String SENTINEL = ".dominus-state";

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
        if (!Files.isRegularFile(dir.resolve(SENTINEL))) {
            throw new LauncherException(dir + " has no " + SENTINEL + " file, so it is not a DominusLeads state"
                    + " directory; nothing was deleted (check DOMINUS_STATE)");
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
        Directories.deleteRecursively(dir);
        console.line("Deleted " + dir + ". ./dominus up starts from scratch.");
    }
}
