package com.dominusleads.launcher.ingest;

import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.LauncherException;
import com.dominusleads.launcher.LocalStack;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./dominus ingest <dir|url> [--release ID]}: asks the local stack's ingestion service, as the host operator,
 * to ingest a Receita release from a directory of zips or an HTTP base URL, and follows it with a progress bar.
 */
public final class IngestCommand {

    public static final String USAGE = "usage: ./dominus ingest <directory of RF zips | http(s) base URL> [--release ID]";

    private final LocalStack stack;
    private final Console console;

    public IngestCommand(LocalStack stack, Console console) {
        this.stack = stack;
        this.console = console;
    }

    /** Exit status: 0 live, 1 failed, 2 bad arguments. */
    public int run(List<String> args) throws Exception {
        String source = null;
        String releaseId = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--release") && i + 1 < args.size()) {
                releaseId = args.get(++i);
            } else if (source == null && !args.get(i).startsWith("--")) {
                source = args.get(i);
            } else {
                console.fail("ingest", "unexpected argument " + args.get(i));
                console.line(USAGE);
                return 2;
            }
        }
        if (source == null) {
            console.line(USAGE);
            return 2;
        }
        boolean remote = source.startsWith("http://") || source.startsWith("https://");
        if (!remote) {
            Path dir = Path.of(source).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                console.fail("ingest", dir + " is not a directory; give the directory holding Estabelecimentos0.zip …,"
                        + " or an http(s):// base URL");
                return 2;
            }
            source = dir.toString();
        }
        if (releaseId == null) {
            releaseId = defaultId(source);
        }
        int port = stack.services().stream().filter(s -> s.module().equals("ingestion-service")).findFirst()
                .orElseThrow().port();
        PasswordTokens tokens = new PasswordTokens(URI.create(stack.oidcUrl() + "/protocol/openid-connect/token"));
        IngestionClient client = new IngestionClient(URI.create("http://127.0.0.1:" + port + "/"),
                () -> tokens.of("operator", "operator"));
        JsonNode accepted;
        try {
            accepted = client.ingest(releaseId, source);
        } catch (ConnectException e) {
            throw new LauncherException("the ingestion service does not answer on port " + port + ": start the stack"
                    + " with ./dominus up (./dominus status shows what runs)");
        } catch (IllegalStateException e) {
            throw new LauncherException("could not sign in as the host operator: " + e.getMessage()
                    + " (is the stack up? ./dominus status)");
        }
        long jobId = accepted.path("job").path("id").asLong();
        console.step("ingest", "release " + releaseId + " from " + source + " (job " + jobId + ")");
        long started = System.nanoTime();
        JsonNode detail = new IngestionWatch(client, console).follow(releaseId, jobId);
        JsonNode job = client.job(jobId);
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode release = detail.path("release");
        if (!job.path("status").asText().equals("SUCCEEDED")) {
            console.fail("ingest", job.path("error").asText("the job failed"));
            return 1;
        }
        console.ok("ingest", String.format(Locale.ROOT, "release %s is live: %,d establishments, %,d companies,"
                        + " %,d partners, %,d rows quarantined, in %s", releaseId, release.path("establishments").asLong(),
                release.path("companies").asLong(), release.path("partners").asLong(),
                release.path("quarantined").asLong(), IngestionWatch.human(Math.round(seconds))));
        if (release.path("quarantined").asLong() > 0) {
            console.line("  quarantined rows: GET /api/ingestion/releases/" + releaseId + "/quarantine");
        }
        return 0;
    }

    /** A release id from the source's last path segment ({@code .../2025-11/} → {@code 2025-11}). */
    static String defaultId(String source) {
        String trimmed = source.replaceAll("/+$", "");
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        String id = last.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return id.isEmpty() ? "release" : id.length() > 64 ? id.substring(0, 64) : id;
    }
}
