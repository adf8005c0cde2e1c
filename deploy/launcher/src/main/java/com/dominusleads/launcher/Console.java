package com.dominusleads.launcher;

import java.io.PrintStream;
import java.util.List;

/** What the launcher tells the user: one line per step, a table at the end, causes that say what to do next. */
public final class Console {

    private final PrintStream out = System.out;
    private final boolean color = System.console() != null && System.getenv("NO_COLOR") == null;

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

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
