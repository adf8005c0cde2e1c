package com.dominusleads.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds processes by an environment variable they inherited from whoever started them: the local stack marks its
 * servers with {@code DOMINUS_STACK}, tests with {@code DOMINUS_TEST_OWNER}. Unlike pid files, the mark survives a
 * SIGKILLed parent and reaches grandchildren (PostgreSQL backends). Linux only (/proc); elsewhere finds nothing.
 */
public final class MarkedProcesses {

    private MarkedProcesses() {
    }

    /** Processes, other than this one and its ancestors, whose environment has {@code name=value}. */
    public static List<ProcessHandle> with(String name, String value) {
        String entry = "\0" + name + "=" + value + "\0";
        return others().filter(p -> environment(p.pid()).contains(entry)).toList();
    }

    /** The value of {@code name} in the process's environment, if it has one. */
    public static Optional<String> valueOf(ProcessHandle process, String name) {
        String environment = environment(process.pid());
        int start = environment.indexOf("\0" + name + "=");
        if (start < 0) {
            return Optional.empty();
        }
        int from = start + name.length() + 2;
        return Optional.of(environment.substring(from, environment.indexOf('\0', from)));
    }

    /** Every process other than this one and its ancestors. */
    public static Stream<ProcessHandle> others() {
        Set<Long> ownLineage = Stream.iterate(ProcessHandle.current(), p -> p.parent().orElse(null))
                .takeWhile(p -> p != null).map(ProcessHandle::pid).collect(Collectors.toSet());
        return ProcessHandle.allProcesses().filter(p -> !ownLineage.contains(p.pid()));
    }

    /** The environment as {@code \0NAME=value\0NAME=value\0}, or empty when unreadable. */
    private static String environment(long pid) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ"));
            return "\0" + new String(environ, StandardCharsets.ISO_8859_1) + "\0";
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
