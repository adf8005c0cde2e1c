package com.dominusleads.launcher;

import com.dominusleads.stack.LogTail;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code ./dominus logs <component> [-f]}: the last lines of a component's log, optionally followed. */
public final class LogsCommand {

    private final RunState state;
    private final Components components;
    private final Console console;

    public LogsCommand(RunState state, Components components, Console console) {
        this.state = state;
        this.components = components;
        this.console = console;
    }

    public void run(String component, boolean follow) throws IOException, InterruptedException {
        List<String> known = components.all().stream().map(Component::name).toList();
        if (component == null || !known.contains(component)) {
            throw new LauncherException("usage: ./dominus logs <component> [-f], where component is one of "
                    + String.join(", ", known));
        }
        Path log = state.log(component);
        if (!Files.exists(log)) {
            throw new LauncherException("no log yet for " + component + " (" + log + "): start it with ./dominus up");
        }
        console.line(LogTail.of(log, 200));
        if (follow) {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                long position = file.length();
                while (true) {
                    if (file.length() > position) {
                        file.seek(position);
                        byte[] bytes = new byte[(int) (file.length() - position)];
                        file.readFully(bytes);
                        System.out.print(new String(bytes, StandardCharsets.UTF_8));
                        position += bytes.length;
                    }
                    Thread.sleep(300);
                }
            }
        }
    }
}
