package com.dominusleads.launcher;

import com.dominusleads.stack.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ./dominus status}: each component's state, pid, memory and URL, and the memory of the whole stack. */
public final class StatusCommand {

    private final RunState state;
    private final Components components;
    private final Console console;

    public StatusCommand(RunState state, Components components, Console console) {
        this.state = state;
        this.components = components;
        this.console = console;
    }

    /** @return true when every component is running and ready */
    public boolean run() {
        List<List<String>> rows = new ArrayList<>();
        Memory total = Memory.NONE;
        boolean allHealthy = true;
        for (Component component : components.all()) {
            Optional<ProcessHandle> process = state.running(component.name());
            String health;
            String pid = "-";
            String rss = "-";
            if (process.isEmpty()) {
                health = "stopped";
                allHealthy = false;
            } else {
                Memory memory = Memory.of(process.get());
                total = total.plus(memory);
                pid = String.valueOf(process.get().pid());
                rss = Memory.format(memory.rssKb()) + " (peak " + Memory.format(memory.peakKb()) + ")";
                boolean ready = Probe.isReady(component.readiness());
                health = ready ? "healthy" : "not ready";
                allHealthy &= ready;
            }
            rows.add(List.of(component.name(), health, pid, rss, component.url()));
        }
        console.table(List.of("component", "state", "pid", "memory (RSS)", "url"), rows);
        console.line("");
        console.line("Whole stack: RSS " + Memory.format(total.rssKb()) + " now, peak RSS " + Memory.format(total.peakKb())
                + " (sum of each process's peak, an upper bound)");
        console.line(allHealthy ? "All components are healthy." : "Not all components are healthy: ./dominus up starts"
                + " what is stopped; ./dominus logs <component> shows why one is not ready.");
        return allHealthy;
    }
}
