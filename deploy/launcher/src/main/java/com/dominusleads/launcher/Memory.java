package com.dominusleads.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of a process tree, from /proc (Linux): current RSS and the peak each process reached. */
public record Memory(long rssKb, long peakKb) {

    public static final Memory NONE = new Memory(0, 0);

    public static Memory of(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .map(p -> read(p.pid()))
                .reduce(NONE, Memory::plus);
    }

    public Memory plus(Memory other) {
        return new Memory(rssKb + other.rssKb, peakKb + other.peakKb);
    }

    public static String format(long kb) {
        return kb >= 1024 * 1024 ? String.format("%.1f GB", kb / 1024.0 / 1024.0) : String.format("%d MB", kb / 1024);
    }

    private static Memory read(long pid) {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line);
                }
            }
            return new Memory(rss, peak);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
