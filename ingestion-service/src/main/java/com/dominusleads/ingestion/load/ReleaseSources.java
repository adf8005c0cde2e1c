package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.release.HttpReleaseSource;
import com.dominusleads.ingestion.release.LocalDirectorySource;
import com.dominusleads.ingestion.release.ReleaseSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Opens the source a release names: an {@code http(s)://} base URL, or a directory on the service's machine. */
public final class ReleaseSources {

    private final Path downloadDir;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public ReleaseSources(Path downloadDir) {
        this.downloadDir = downloadDir;
    }

    public ReleaseSource open(String location, String releaseId) throws JobFailure {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            String base = location.endsWith("/") ? location : location + "/";
            return new HttpReleaseSource(URI.create(base), downloads(releaseId), http);
        }
        Path dir = Path.of(location);
        if (!Files.isDirectory(dir)) {
            throw new JobFailure(location + " is not a directory on the ingestion service's machine; give the directory"
                    + " holding the release's zips (Estabelecimentos0.zip …) or an http(s):// base URL");
        }
        return new LocalDirectorySource(dir);
    }

    /** Deletes what was downloaded for {@code releaseId} (once it is retired, nothing reads its zips again). */
    public void forget(String releaseId) throws java.io.IOException {
        Path dir = downloads(releaseId);
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private Path downloads(String releaseId) {
        return downloadDir.resolve(releaseId.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Why {@code location} cannot be a release source, or null: checked before a job is created. */
    public static String problemWith(String location) {
        if (location == null || location.isBlank()) {
            return "give the directory holding the release's zips, or an http(s):// base URL";
        }
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try {
                URI uri = URI.create(location);
                return uri.getHost() == null ? "the URL has no host" : null;
            } catch (IllegalArgumentException e) {
                return "not a valid URL: " + e.getMessage();
            }
        }
        if (!Path.of(location).isAbsolute()) {
            return "a directory must be an absolute path on the ingestion service's machine";
        }
        return Files.isDirectory(Path.of(location)) ? null : location + " is not a directory on the ingestion service's machine";
    }
}
