package com.dominusleads.launcher;

import java.io.PrintStream;
import java.util.List;

/** What the launcher tells the user: one line per step, a table at the end, causes that say what to do next. */
public final class Console {

    private final PrintStream out;
    private final boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
    private final boolean terminal = isTerminal();
    private int progressTenths = -1;

    public Console() {
        this(System.out);
    }

    /** A console on {@code out}: standard error beside a command whose standard output is data (watch). */
    public Console(PrintStream out) {
        this.out = out;
    }

    public void step(String component, String message) {
        out.printf("  %s %-18s %s%n", paint("36", "…"), component, message);
    }

    public void ok(String component, String message) {
        out.printf("  %s %-18s %s%n", paint("32", "✔"), component, message);
    }

    public void fail(String component, String message) {
        out.printf("  %s %-18s %s%n", paint("31", "✘"), component, message);
    }

    public void line(String text) {
        out.println(text);
    }

    /**
     * A progress bar for long work: redrawn in place on a terminal; elsewhere (a log file, a pipe) one line per tenth,
     * so logs stay short. {@link #endProgress()} ends it.
     */
    public void progress(String component, long done, long total, String detail) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
        String line = String.format("  %s %-18s [%s] %3d %%  %s", paint("36", "…"), component, bar, percent, detail);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            out.flush();
        } else if (percent / 10 > progressTenths) {
            progressTenths = percent / 10;
            out.println(line);
        }
    }

    public void endProgress() {
        if (terminal) {
            out.println();
        }
        progressTenths = -1;
    }

    /** Left-aligned columns sized to their widest cell. */
    public void table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printRow(header, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        rows.forEach(row -> printRow(row, widths));
    }

    private void printRow(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(String.format("%-" + widths[i] + "s  ", cells.get(i)));
        }
        out.println(line.toString().stripTrailing());
    }

    /** On JDK 22+ System.console() is not null when redirected; Console.isTerminal() (22+) tells. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only on a terminal
        }
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
