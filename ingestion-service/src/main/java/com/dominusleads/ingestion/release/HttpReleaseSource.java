package com.dominusleads.ingestion.release;

import com.dominusleads.directory.RfFileKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A release published over HTTP, as the RF does: one directory per month (e.g.
 * {@code https://arquivos.receitafederal.gov.br/dados/cnpj/dados_abertos_cnpj/2025-11/}) with an HTML listing of its
 * zips. Each zip is downloaded into {@code cacheDir/<name>.part}, resumed with a Range request after an interruption
 * (within this fetch, or left by an earlier run), checked (size, published SHA-256 if any, every entry's CRC-32) and
 * only then renamed to {@code cacheDir/<name>}; a finished file whose size matches the server's is reused.
 *
 * <p>Use one cache directory per release: a {@code .part} is trusted to be the start of the server's current file
 * (if it is not, verification fails and the file is downloaded once more from scratch). Fetch a given file from one
 * thread at a time. Redirects follow the client's policy.
 */
public final class HttpReleaseSource implements ReleaseSource {

    /**
     * {@code attempts}: consecutive failures (connection errors, 5xx) tolerated per request; a download attempt that
     * made progress resets the count, since a flaky server that keeps cutting long downloads still gets there.
     * {@code firstBackoff}: the wait after the first failure, doubled after each further one (at most a minute).
     * {@code stallTimeout}: how long to wait for response headers, and for the next byte of a download (a download
     * as a whole may take as long as it needs).
     */
    public record Tuning(int attempts, Duration firstBackoff, Duration stallTimeout) {

        public static final Tuning DEFAULT = new Tuning(5, Duration.ofSeconds(2), Duration.ofMinutes(2));

        public Tuning {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
            }
        }
    }

    /** Progress is reported at most once per this many bytes (plus at the end). */
    static final int PROGRESS_STEP = 64 * 1024;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final OpenOption[] WRITE_AFRESH =
            {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE};
    private static final OpenOption[] APPEND = {StandardOpenOption.WRITE, StandardOpenOption.APPEND};

    private final URI baseUrl;
    private final Path cacheDir;
    private final HttpClient client;
    private final Tuning tuning;
    private final ReleaseChecksums checksums = new ReleaseChecksums(this::readSibling);
    /** Lower-case names the listing links to; null when no listing was read (so checksum files must be probed). */
    private volatile Set<String> listed;

    public HttpReleaseSource(URI baseUrl, Path cacheDir, HttpClient client) {
        this(baseUrl, cacheDir, client, Tuning.DEFAULT);
    }

    public HttpReleaseSource(URI baseUrl, Path cacheDir, HttpClient client, Tuning tuning) {
        String url = baseUrl.toString();
        // Without the trailing slash, resolving "Empresas0.zip" would replace the month instead of appending to it.
        this.baseUrl = url.endsWith("/") ? baseUrl : URI.create(url + "/");
        this.cacheDir = cacheDir;
        this.client = client;
        this.tuning = tuning;
    }

    @Override
    public String location() {
        return baseUrl.toString();
    }

    /**
     * The zips the listing links to, in load order, with their sizes from HEAD (listings round them; the loader
     * schedules big files first). Without a usable listing (not 200, not HTML, or no release zips in it), each of the
     * 37 standard names is asked for with HEAD, and those answering 200 are the release.
     */
    @Override
    public List<ReleaseFile> files() throws IOException {
        HttpResponse<String> response = send(request(baseUrl).GET().build(), BodyHandlers.ofString(), location());
        if (response.statusCode() == 200 && isHtml(response)) {
            List<String> linked = DirectoryListing.linkedNames(response.body(), baseUrl);
            List<ReleaseFile> files = new ArrayList<>();
            for (String name : linked) {
                Optional<RfFileKind> kind = RfFileKind.ofFileName(name);
                if (kind.isPresent()) {
                    HttpResponse<Void> head = head(name);
                    files.add(new ReleaseFile(name, kind.get(), head.statusCode() == 200 ? contentLength(head) : -1));
                }
            }
            if (!files.isEmpty()) {
                listed = linked.stream().map(ReleaseNames::lower).collect(Collectors.toUnmodifiableSet());
                files.sort(ReleaseNames.LOAD_ORDER);
                return List.copyOf(files);
            }
        }
        listed = null;
        if (isRetryable(response.statusCode())) {
            // The server is failing, not merely without a listing: 37 HEADs would fail (slowly) too.
            throw new ReleaseFileException(location(), "the listing answered HTTP " + response.statusCode() + " "
                    + tuning.attempts() + " times; the server seems unavailable, retry later");
        }
        String why = "answered HTTP " + response.statusCode()
                + response.headers().firstValue("Content-Type").map(type -> " (" + type + ")").orElse("")
                + (response.statusCode() == 200 && isHtml(response) ? " with no release zips in it" : "");
        return probe(why);
    }

    private List<ReleaseFile> probe(String listingProblem) throws IOException {
        List<ReleaseFile> found = new ArrayList<>();
        Map<Integer, Integer> otherAnswers = new TreeMap<>();
        for (String name : ReleaseNames.ALL) {
            HttpResponse<Void> head = head(name);
            if (head.statusCode() == 200) {
                found.add(new ReleaseFile(name, ReleaseNames.kindOf(name), contentLength(head)));
            } else {
                otherAnswers.merge(head.statusCode(), 1, Integer::sum);
            }
        }
        if (found.isEmpty()) {
            throw new ReleaseFileException(location(), "holds no release zips: the listing " + listingProblem
                    + ", and HEAD on the 37 standard names (e.g. " + url(ReleaseNames.ALL.get(0)) + ") answered "
                    + otherAnswers + " (status=count). Check that the URL names an existing release directory,"
                    + " such as .../dados_abertos_cnpj/2025-11/");
        }
        return List.copyOf(found);
    }

    @Override
    public Path fetch(ReleaseFile file, DownloadProgress progress) throws IOException {
        String name = file.name();
        ReleaseNames.kindOf(name); // refuses anything that is not a plain release zip name, such as "../x"
        Files.createDirectories(cacheDir);
        Path target = cacheDir.resolve(name);
        Path part = cacheDir.resolve(name + ".part");
        URI url = url(name);

        long remoteSize = remoteSize(name, url, file.size());
        if (Files.exists(target)) {
            if (remoteSize >= 0 && Files.size(target) == remoteSize) {
                progress.advanced(name, remoteSize, remoteSize);
                return target; // verified when it was finished; only renamed into place after that
            }
            if (remoteSize >= 0) {
                Files.delete(target); // the server's copy differs: fetch it again
            } else {
                // Size unknown: resume it as if unfinished; the server then answers 416 if it is whole, and it is
                // verified again rather than downloaded again.
                Files.move(target, part, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        boolean secondTry = false;
        while (true) {
            Download download = download(name, url, part, remoteSize, progress);
            // Outside the try below: when the checksum cannot be read, the download is kept for the next fetch.
            Optional<String> expectedSha256 = checksums.sha256(name);
            try {
                verify(name, url, part, download.total(), expectedSha256);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (ReleaseFileException e) {
                Files.deleteIfExists(part); // bad bytes are not worth resuming
                // A .part from an earlier run may be the start of an older copy of the file; one clean download
                // settles that. A clean download that fails is the server's problem: report it.
                if (!download.resumed() || secondTry) {
                    throw e;
                }
                secondTry = true;
            }
        }
    }

    /** The server's size for the file (HEAD), else the listed size; -1 if neither is known. */
    private long remoteSize(String name, URI url, long listedSize) throws IOException {
        HttpResponse<Void> head = head(name);
        int status = head.statusCode();
        if (status == 404 || status == 410) {
            throw notFound(name, url, "HEAD", status);
        }
        long size = status == 200 ? contentLength(head) : -1;
        return size >= 0 ? size : listedSize;
    }

    private HttpResponse<Void> head(String name) throws IOException {
        return send(request(url(name)).HEAD().build(), BodyHandlers.discarding(), name);
    }

    private static long contentLength(HttpResponse<?> response) {
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private record Download(long total, boolean resumed) {
    }

    /**
     * Brings {@code part} to the server's full file, resuming from whatever it holds. Returns the total size (-1 if
     * the server never said) and whether the bytes came partly from a resumed (ranged) transfer.
     */
    private Download download(String name, URI url, Path part, long expected, DownloadProgress progress)
            throws IOException {
        long total = expected;
        int failures = 0;
        while (true) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            if (total >= 0 && have > total) {
                Files.delete(part); // longer than the server's file, so not a start of it
                have = 0;
            }
            if (total >= 0 && have == total && have > 0) {
                progress.advanced(name, have, have);
                return new Download(total, true); // complete, but never verified (a crash, or a failed rename)
            }
            // No request timeout here: from JDK 26 on it also bounds reading the body, which may take hours.
            HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            try {
                HttpResponse<InputStream> response = awaitHeaders(request.build());
                try (InputStream body = response.body()) {
                    long announced = announcedTotal(response);
                    if (total >= 0 && announced >= 0 && announced != total) {
                        Files.deleteIfExists(part);
                        throw new ReleaseFileException(name, "the server announced " + total + " bytes for " + url
                                + " but now sends a file of " + announced + "; it may be changing on the server (a"
                                + " release being republished). Fetch again later");
                    }
                    total = announced >= 0 ? announced : total;
                    Download download = receive(name, url, part, have, total, response, body, progress);
                    if (download != null) {
                        return download;
                    }
                }
            } catch (ReleaseFileException e) {
                throw e;
            } catch (IOException e) {
                long now = Files.exists(part) ? Files.size(part) : 0;
                if (now > have) {
                    failures = 0; // it advanced: the connection is flaky, not dead
                }
                if (++failures >= tuning.attempts()) {
                    throw new ReleaseFileException(name, "GET " + url + " failed " + failures
                            + " times in a row (last: " + describe(e) + "); " + now + " of "
                            + (total >= 0 ? total : "?") + " bytes are kept in " + part
                            + " and the next fetch resumes from there. Check the network and the server, then retry",
                            e);
                }
                pause(failures);
            } catch (InterruptedException e) {
                throw interrupted(name);
            }
        }
    }

    /**
     * Handles one response to a download request: the rest of the file appended to {@code part} (206), or all of it
     * written afresh (200, also when the server ignored our Range). Returns null when {@code part} had to be dropped
     * and the download must start over; throws a plain IOException for what is worth retrying, a
     * ReleaseFileException for what is not.
     */
    private Download receive(String name, URI url, Path part, long have, long total, HttpResponse<InputStream> response,
            InputStream body, DownloadProgress progress) throws IOException {
        int status = response.statusCode();
        if (status == 416 && have > 0) {
            if (total == have) {
                progress.advanced(name, have, have);
                return new Download(have, true); // nothing left to fetch
            }
            Files.delete(part); // not the start of the server's file (shorter, or of unknown size)
            return null;
        }
        if (status != 200 && status != 206) {
            if (isRetryable(status)) {
                throw new IOException("HTTP " + status);
            }
            throw status == 404 || status == 410
                    ? notFound(name, url, "GET", status)
                    : new ReleaseFileException(name, "GET " + url + " answered HTTP " + status
                            + ", expected 200 or 206; check that the URL is reachable from here");
        }
        long start = 0;
        if (status == 206) {
            ContentRange range = contentRange(response);
            if (range.start() != have) {
                Files.delete(part);
                throw new IOException("asked for bytes from " + have + " but got " + range + "; restarting");
            }
            start = have;
        }
        long done = copy(body, part, start, name, total, progress);
        if (total < 0 || done == total) {
            return new Download(done, status == 206); // with no size known, verification decides
        }
        if (done > total) {
            Files.delete(part);
            throw new ReleaseFileException(name, "received " + done + " bytes from " + url
                    + " where the server announced " + total + "; fetch again");
        }
        throw new IOException("the body ended after " + done + " of " + total + " bytes");
    }

    /** The full file's size as this response tells it: Content-Range's total for 206 and 416, else Content-Length. */
    private static long announcedTotal(HttpResponse<?> response) throws IOException {
        return switch (response.statusCode()) {
            case 206, 416 -> contentRange(response).total();
            case 200 -> contentLength(response);
            default -> -1;
        };
    }

    /** Sends a download request, waiting at most the stall timeout for the response headers. */
    private HttpResponse<InputStream> awaitHeaders(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request, BodyHandlers.ofInputStream());
        try {
            return pending.get(tuning.stallTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            pending.thenAccept(late -> closeQuietly(late.body())); // in case it arrived meanwhile
            throw new HttpTimeoutException("no response within " + tuning.stallTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    /** Writes the body into {@code part} from {@code start} (0 truncates it); returns the size reached. */
    private long copy(InputStream body, Path part, long start, String name, long total, DownloadProgress progress)
            throws IOException {
        OpenOption[] mode = start == 0 ? WRITE_AFRESH : APPEND;
        long done = start;
        long reported = start;
        if (start > 0) {
            progress.advanced(name, done, total);
        }
        try (InputStream in = body;
                OutputStream out = Files.newOutputStream(part, mode);
                StallWatchdog watchdog = new StallWatchdog(in, tuning.stallTimeout())) {
            byte[] buffer = new byte[PROGRESS_STEP];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    watchdog.advanced();
                    done += n;
                    if (done - reported >= PROGRESS_STEP) {
                        progress.advanced(name, done, total);
                        reported = done;
                    }
                }
            } catch (IOException e) {
                throw watchdog.fired()
                        ? new IOException("no data for " + tuning.stallTimeout().toMillis() + " ms after byte " + done,
                                e)
                        : e;
            }
        }
        if (done != reported) {
            progress.advanced(name, done, total);
        }
        return done;
    }

    /**
     * Size, then in one pass over the file: every entry inflated (CRC-32) and the SHA-256 taken, then the central
     * directory opened; finally the bytes are forced to disk, so that a file that has been renamed into place is whole.
     */
    private void verify(String name, URI url, Path part, long total, Optional<String> expected) throws IOException {
        long size = Files.size(part);
        if (total >= 0 && size != total) {
            throw new ReleaseFileException(name, "downloaded " + size + " bytes from " + url + " where the server"
                    + " announced " + total + "; the download was discarded, fetch again");
        }
        MessageDigest sha256 = sha256();
        try {
            try (InputStream file = new BufferedInputStream(Files.newInputStream(part), PROGRESS_STEP);
                    InputStream in = new DigestInputStream(file, sha256)) {
                ZipIntegrity.readThrough(in);
                in.transferTo(OutputStream.nullOutputStream()); // the central directory, for the digest
            }
            ZipIntegrity.checkCentralDirectory(part);
        } catch (IOException e) {
            throw new ReleaseFileException(name, "the copy downloaded from " + url + " is not a whole release zip ("
                    + e.getMessage() + "); it was discarded. Fetch again; if this persists, the file on the server is"
                    + " damaged", e);
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (expected.isPresent() && !expected.get().equals(actual)) {
            throw new ReleaseFileException(name, "SHA-256 of the copy downloaded from " + url + " is " + actual
                    + " but the published checksum (" + ReleaseChecksums.SIDECAR_SUFFIX + " or "
                    + ReleaseChecksums.SUMS_FILE + " beside it) says " + expected.get()
                    + "; the download was discarded. Fetch again; if this persists, the file or its checksum on the"
                    + " server is wrong");
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** A checksum file beside the zips; not asked for when the listing shows it is not there. */
    private Optional<String> readSibling(String fileName) throws IOException {
        Set<String> known = listed;
        if (known != null && !known.contains(ReleaseNames.lower(fileName))) {
            return Optional.empty();
        }
        URI url = url(fileName);
        HttpResponse<String> response = send(request(url).GET().build(), BodyHandlers.ofString(), fileName);
        return switch (response.statusCode()) {
            case 200 -> Optional.of(response.body());
            case 403, 404, 410 -> Optional.empty(); // some stores answer 403 for what does not exist
            default -> throw new ReleaseFileException(fileName, "GET " + url + " answered HTTP "
                    + response.statusCode() + ", so the published checksum cannot be checked; retry later");
        };
    }

    /** A small request, retried on connection errors and retryable statuses; the last answer is returned. */
    private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler, String what) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<T> response = client.send(request, handler);
                if (!isRetryable(response.statusCode()) || attempt >= tuning.attempts()) {
                    return response;
                }
            } catch (IOException e) {
                if (attempt >= tuning.attempts()) {
                    throw new ReleaseFileException(what, request.method() + " " + request.uri() + " failed " + attempt
                            + " times (last: " + describe(e) + "); check the network and that the server is up,"
                            + " then retry", e);
                }
            } catch (InterruptedException e) {
                throw interrupted(what);
            }
            pause(attempt);
        }
    }

    private HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(tuning.stallTimeout());
    }

    private URI url(String fileName) {
        return baseUrl.resolve(fileName);
    }

    private void pause(int failures) throws InterruptedIOException {
        long millis = Math.min(tuning.firstBackoff().toMillis() << Math.min(failures - 1, 20), MAX_BACKOFF.toMillis());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw interrupted("retry");
        }
    }

    private static InterruptedIOException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new InterruptedIOException(what + ": interrupted");
    }

    /** java.net.http often throws exceptions without a message of their own (a ConnectException with a cause). */
    private static String describe(Throwable e) {
        String text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return e.getCause() != null && e.getMessage() == null ? text + ": " + describe(e.getCause()) : text;
    }

    private static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static boolean isHtml(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).contains("html"))
                .orElseGet(() -> response.body().stripLeading().startsWith("<"));
    }

    private static ReleaseFileException notFound(String name, URI url, String method, int status) {
        return new ReleaseFileException(name, method + " " + url + " answered HTTP " + status
                + "; the file is not (or no longer) on the server. List the release again, or check its month");
    }

    private record ContentRange(long start, long end, long total) {
    }

    /** {@code bytes 100-199/1000} or {@code bytes *}{@code /1000}; -1 for what it does not say. */
    private static ContentRange contentRange(HttpResponse<?> response) throws IOException {
        String header = response.headers().firstValue("Content-Range").orElse("");
        Matcher matcher = CONTENT_RANGE.matcher(header.strip());
        if (!matcher.matches()) {
            if (response.statusCode() == 416) {
                return new ContentRange(-1, -1, -1);
            }
            throw new IOException("HTTP 206 with an unreadable Content-Range '" + header + "'");
        }
        return new ContentRange(
                matcher.group(1) == null ? -1 : Long.parseLong(matcher.group(1)),
                matcher.group(2) == null ? -1 : Long.parseLong(matcher.group(2)),
                "*".equals(matcher.group(3)) ? -1 : Long.parseLong(matcher.group(3)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
