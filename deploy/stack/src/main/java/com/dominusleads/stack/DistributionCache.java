package com.dominusleads.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Server distributions (Apicurio, Keycloak) as Maven Central publishes them: taken from the local Maven repository
 * when there, else downloaded into it once (checked against Central's SHA-1), then unpacked once into a directory.
 */
public final class DistributionCache {

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2";

    private final Path localRepository;
    private final URI remoteRepository;
    private final Path unpackRoot;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();

    public DistributionCache(Path unpackRoot, Consumer<String> progress) {
        this(defaultLocalRepository(), URI.create(env("DOMINUS_MAVEN_REPOSITORY", CENTRAL)), unpackRoot, progress);
    }

    public DistributionCache(Path localRepository, URI remoteRepository, Path unpackRoot, Consumer<String> progress) {
        this.localRepository = localRepository;
        this.remoteRepository = remoteRepository;
        this.unpackRoot = unpackRoot;
        this.progress = progress;
    }

    /**
     * The unpacked distribution's directory (the archive's single top directory, if it has one). Safe when several
     * processes ask at once (a test run beside {@code ./dominus up}): one downloads and unpacks, the others wait.
     */
    public Path unpacked(MavenArtifact artifact) {
        Path target = unpackRoot.resolve(artifact.distributionName());
        if (Files.isRegularFile(target.resolve(".unpacked"))) {
            return target;
        }
        try {
            Files.createDirectories(unpackRoot);
            try (FileChannel lockFile = FileChannel.open(unpackRoot.resolve(artifact.distributionName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                if (!Files.isRegularFile(target.resolve(".unpacked"))) {
                    unpack(archive(artifact), target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** The archive in the local Maven repository, downloaded first if missing. */
    public Path archive(MavenArtifact artifact) {
        Path file = localRepository.resolve(artifact.repositoryPath());
        if (!Files.isRegularFile(file)) {
            download(artifact, file);
        }
        return file;
    }

    private void download(MavenArtifact artifact, Path file) {
        URI uri = URI.create(remoteRepository.toString().replaceAll("/+$", "") + "/" + artifact.repositoryPath());
        Path partial = null;
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("Downloading " + uri + " failed with HTTP " + response.statusCode()
                        + "; set DOMINUS_MAVEN_REPOSITORY to a reachable Maven repository");
            }
            Files.createDirectories(file.getParent());
            partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            String sha1 = copyWithProgress(response, partial, artifact);
            verify(uri, sha1);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Downloading " + uri + " failed: " + e.getMessage()
                    + "; check the network or set DOMINUS_MAVEN_REPOSITORY", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while downloading " + uri, e);
        } finally {
            deletePartial(partial);
        }
    }

    /** Writes the body to {@code target}, reporting every 10 %; returns its SHA-1. */
    private String copyWithProgress(HttpResponse<InputStream> response, Path target, MavenArtifact artifact)
            throws IOException {
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        MessageDigest sha1 = sha1();
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            int lastPercent = -10;
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                sha1.update(buffer, 0, n);
                done += n;
                int percent = total > 0 ? (int) (done * 100 / total) : 0;
                if (percent >= lastPercent + 10) {
                    lastPercent = percent;
                    progress.accept("downloading " + artifact.fileName() + " " + percent + "% of " + (total >> 20) + " MB");
                }
            }
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deletePartial(Path partial) {
        try {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // A leftover .part file is harmless: the next download writes a new one.
        }
    }

    private void verify(URI archive, String actualSha1) throws IOException, InterruptedException {
        HttpResponse<String> expected = http.send(HttpRequest.newBuilder(URI.create(archive + ".sha1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (expected.statusCode() == 200 && !expected.body().trim().startsWith(actualSha1)) {
            throw new IllegalStateException("Checksum mismatch for " + archive + ": expected "
                    + expected.body().trim() + ", got " + actualSha1 + "; delete the file and retry");
        }
    }

    private void unpack(Path archive, Path target) {
        progress.accept("unpacking " + archive.getFileName());
        try {
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            if (archive.toString().endsWith(".zip")) {
                unzip(archive, staging);
            } else {
                untar(archive, staging);
            }
            Path content = singleTopDirectory(staging);
            Directories.deleteRecursively(target);
            Files.move(content, target, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(target.resolve(".unpacked"), archive.getFileName().toString());
            Directories.deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Unpacking " + archive + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while unpacking " + archive, e);
        }
    }

    private static void unzip(Path archive, Path into) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Refusing zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(zip, path, StandardCopyOption.REPLACE_EXISTING);
                    // java.util.zip drops Unix modes; the launch scripts are the only files that need one.
                    if (path.toString().endsWith(".sh")) {
                        path.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    /** tar.gz needs the system tar (on every Linux and macOS); Java has no tar reader. */
    private static void untar(Path archive, Path into) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("tar failed on " + archive + ": " + output);
        }
    }

    private static Path singleTopDirectory(Path staging) throws IOException {
        try (var entries = Files.list(staging)) {
            List<Path> top = entries.toList();
            return top.size() == 1 && Files.isDirectory(top.get(0)) ? top.get(0) : staging;
        }
    }

    private static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local", System.getenv("MAVEN_REPO_LOCAL"));
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
