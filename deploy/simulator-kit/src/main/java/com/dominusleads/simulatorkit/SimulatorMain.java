package com.dominusleads.simulatorkit;

import java.util.Locale;
import java.util.function.Function;

/**
 * A simulator run as a process ({@code ./dominus up}): its arguments, and the one line that says it listens. Wrong
 * arguments exit with 2, the status of a usage error, so that a launcher tells them from a crash.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    /**
     * {@code args} as {@code parse} reads them (it throws IllegalArgumentException on wrong ones, and answers null when
     * the usage was asked for); null when there is nothing to run: the usage was printed, or the process exits.
     */
    public static <T> T arguments(String name, String[] args, Function<String[], T> parse, String usage) {
        T parsed;
        try {
            parsed = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage() + "\n" + usage);
            System.exit(2);
            return null;
        }
        if (parsed == null) {
            System.out.println(usage);
        }
        return parsed;
    }

    /** Closes {@code simulator} when the process is stopped, and prints "{name} listening on {where}". */
    public static void listening(String name, LoopbackSimulator simulator, String where) {
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close,
                name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-stop"));
        System.out.println(name + " listening on " + where);
        System.out.flush();
    }
}
