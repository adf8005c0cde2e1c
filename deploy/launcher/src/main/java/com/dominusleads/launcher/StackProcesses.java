package com.dominusleads.launcher;

import com.dominusleads.stack.MarkedProcesses;
import java.nio.file.Path;
import java.util.List;

/**
 * Every process of this checkout's local stack, found by the {@code DOMINUS_STACK=<checkout>} variable each of them
 * inherits, so that {@code down} leaves nothing behind even when pid files were lost (a SIGKILLed launcher,
 * orphaned PostgreSQL backends).
 */
public final class StackProcesses {

    public static final String MARKER = "DOMINUS_STACK";

    private StackProcesses() {
    }

    public static List<ProcessHandle> of(Path checkout) {
        return MarkedProcesses.with(MARKER, checkout.toString());
    }
}
