package com.dominusleads.launcher.ingest;

import com.dominusleads.launcher.Console;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/** Follows a release's ingestion job to its end, drawing a progress bar: rows done, rows/s, ETA, phase. */
public final class IngestionWatch {

    private final IngestionClient client;
    private final Console console;

    public IngestionWatch(IngestionClient client, Console console) {
        this.client = client;
        this.console = console;
    }

    /** Polls until job {@code jobId} ends; returns the final release detail (its job is the last of its jobs). */
    public JsonNode follow(String releaseId, long jobId) throws Exception {
        String lastPhase = "";
        while (true) {
            JsonNode detail = client.release(releaseId);
            JsonNode job = client.job(jobId);
            String status = job.path("status").asText();
            String phase = job.path("phase").asText("QUEUED");
            JsonNode progress = detail.path("progress");
            boolean loading = phase.equals("LOAD");
            if (loading || lastPhase.equals("LOAD")) {
                long done = progress.path("rowsLoaded").asLong();
                long total = progress.path("rowsTotalEstimate").asLong(0);
                console.progress("ingest", Math.round(progress.path("percent").asDouble() * 10), 1000,
                        String.format(Locale.ROOT, "%,d rows%s, %,.0f rows/s%s", done,
                                total > 0 ? " of ~" + String.format(Locale.ROOT, "%,d", total) : "",
                                progress.path("rowsPerSecond").asDouble(),
                                progress.path("etaSeconds").isNumber() ? ", ETA " + human(progress.path("etaSeconds").asLong()) : ""));
                if (!loading) {
                    console.endProgress();
                }
            }
            if (!loading && !phase.equals(lastPhase)) {
                console.step("ingest", switch (phase) {
                    case "FILES" -> "listing (and downloading) the release's files";
                    case "INDEX" -> "making the tables durable, building the search table and the indexes";
                    case "SWITCH" -> "switching readers to the new release";
                    default -> "job " + status.toLowerCase(Locale.ROOT);
                });
            }
            lastPhase = phase;
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                if (phase.equals("LOAD")) {
                    console.endProgress();
                }
                console.step("ingest", "job " + status.toLowerCase(Locale.ROOT));
                return client.release(releaseId);
            }
            Thread.sleep(Duration.ofMillis(1000));
        }
    }

    static String human(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + " s";
    }
}
