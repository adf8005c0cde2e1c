package com.dominusleads.launcher;

import com.dominusleads.stack.MarkedProcesses;
import java.nio.file.Path;
import java.util.List;

/**
 * Every process of one local stack, found by the {@code DOMINUS_STACK=<state directory>} variable each of them
 * inherits, so that {@code down} leaves nothing behind even when pid files were lost (a SIGKILLed launcher,
 * orphaned PostgreSQL backends), and never touches another stack (another checkout, or the system tests' stack).
 */
public final class StackProcesses {

    public static final String MARKER = "DOMINUS_STACK";

    private StackProcesses() {
    }

    public static List<ProcessHandle> of(Path stateDir) {
        return MarkedProcesses.with(MARKER, stateDir.toString());
    }
}
