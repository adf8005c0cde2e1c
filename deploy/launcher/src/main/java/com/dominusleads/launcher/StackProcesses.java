package com.dominusleads.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every process of this checkout's local stack, found by the {@code DOMINUS_STACK=<checkout>} variable each of them
 * inherits, so that {@code down} leaves nothing behind even when pid files were lost (a SIGKILLed launcher,
 * orphaned PostgreSQL backends). Linux only (/proc); elsewhere the pid files are all there is.
 */
public final class StackProcesses {

    public static final String MARKER = "DOMINUS_STACK";

    private StackProcesses() {
    }

    public static List<ProcessHandle> of(Path checkout) {
        String entry = "\0" + MARKER + "=" + checkout + "\0";
        Set<Long> ownLineage = Stream.iterate(ProcessHandle.current(), p -> p.parent().orElse(null))
                .takeWhile(p -> p != null).map(ProcessHandle::pid).collect(Collectors.toSet());
        return ProcessHandle.allProcesses()
                .filter(p -> !ownLineage.contains(p.pid()))
                .filter(p -> environment(p.pid()).contains(entry))
                .toList();
    }

    /** The process's environment as {@code \0NAME=value\0NAME=value\0}, or empty when unreadable. */
    private static String environment(long pid) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ"));
            return "\0" + new String(environ, StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
