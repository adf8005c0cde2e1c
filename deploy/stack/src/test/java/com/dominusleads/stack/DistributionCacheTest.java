package com.dominusleads.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads happen once, are checked against the repository's SHA-1, and unpack into a ready directory. */
class DistributionCacheTest {

    private static final MavenArtifact SERVER = new MavenArtifact("org.example", "server-dist", "1.0", null, "zip");

    @TempDir
    Path temp;

    private HttpServer repository;
    private final AtomicInteger downloads = new AtomicInteger();
    private byte[] archive;
    private String published;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void serveRepository() throws Exception {
        archive = zip("server-1.0/bin/run.sh", "#!/bin/sh\necho up\n", "server-1.0/README", "hello");
        published = sha1(archive);
        repository = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        repository.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String served = "/maven2/" + SERVER.repositoryPath();
            byte[] body = path.equals(served) ? archive : path.equals(served + ".sha1") ? published.getBytes() : null;
            if (path.equals(served)) {
                downloads.incrementAndGet();
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        repository.start();
    }

    @AfterEach
    void stopRepository() {
        repository.stop(0);
    }

    @Test
    void downloadsOnceIntoTheLocalRepositoryAndUnpacksOnce() {
        DistributionCache cache = cache();

        Path first = cache.unpacked(SERVER);
        Path second = cache.unpacked(SERVER);

        assertThat(second).isEqualTo(first);
        assertThat(downloads).hasValue(1);
        assertThat(temp.resolve("m2/org/example/server-dist/1.0/server-dist-1.0.zip")).exists();
        assertThat(first.resolve("README")).hasContent("hello");
        assertThat(Files.isExecutable(first.resolve("bin/run.sh"))).isTrue();
        assertThat(progress).anyMatch(line -> line.startsWith("downloading server-dist-1.0.zip"));
    }

    @Test
    void anArchiveAlreadyInTheLocalRepositoryIsNotDownloaded() throws IOException {
        Path local = temp.resolve("m2/org/example/server-dist/1.0/server-dist-1.0.zip");
        Files.createDirectories(local.getParent());
        Files.write(local, archive);

        assertThat(cache().unpacked(SERVER).resolve("README")).hasContent("hello");
        assertThat(downloads).hasValue(0);
    }

    @Test
    void aCorruptDownloadIsRefusedAndNotKept() {
        published = "0".repeat(40);

        assertThatThrownBy(() -> cache().unpacked(SERVER)).hasMessageContaining("Checksum mismatch");
        assertThat(temp.resolve("m2/org/example/server-dist/1.0/server-dist-1.0.zip")).doesNotExist();
    }

    @Test
    void aMissingArtifactSaysWhichRepositoryToConfigure() {
        MavenArtifact missing = new MavenArtifact("org.example", "nowhere", "9", null, "zip");

        assertThatThrownBy(() -> cache().unpacked(missing))
                .hasMessageContaining("HTTP 404").hasMessageContaining("DOMINUS_MAVEN_REPOSITORY");
    }

    private DistributionCache cache() {
        URI remote = URI.create("http://127.0.0.1:" + repository.getAddress().getPort() + "/maven2");
        return new DistributionCache(temp.resolve("m2"), remote, temp.resolve("dist"), progress::add);
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha1(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    }
}
