package com.dominusleads.ingestion.release;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 serving a release directory at {@code /dados/2025-11/}, with knobs for the ways
 * real servers misbehave: no listing, Range ignored, connections cut mid-body, stalls, 503s, a HEAD that lies.
 */
final class ReleaseServer implements AutoCloseable {

    static final String DIR = "/dados/2025-11/";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** Served files by name (zips, checksum files, anything). */
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** Every request, as {@code "GET Empresas0.zip bytes=100-"} (the Range part only when sent). */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** name → body bytes to send on the next GET before dropping the connection (each entry is used once). */
    final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    /** name → body bytes to send on the next GET before going silent for {@link #stallMillis}. */
    final Map<String, Integer> stallAfter = new ConcurrentHashMap<>();
    /** name → how many more GETs of it wait {@link #stallMillis} before answering at all. */
    final Map<String, Integer> silent = new ConcurrentHashMap<>();
    /** name → how many more GETs of it answer 503. */
    final Map<String, Integer> unavailable = new ConcurrentHashMap<>();
    /** name → Content-Length that HEAD claims instead of the truth. */
    final Map<String, Long> headLies = new ConcurrentHashMap<>();
    volatile boolean listing = true;
    volatile boolean honourRange = true;
    volatile boolean headAllowed = true;
    volatile long stallMillis = 5_000;
    /** Extra raw HTML lines put into the listing. */
    final List<String> extraListingLines = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    ReleaseServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + DIR);
    }

    List<String> requestsFor(String name) {
        return requests.stream().filter(request -> request.split(" ")[1].equals(name)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String range = exchange.getRequestHeaders().getFirst("Range");
            String name = path.startsWith(DIR) ? path.substring(DIR.length()) : path;
            requests.add(method + " " + (name.isEmpty() ? "/" : name) + (range == null ? "" : " " + range));

            if (name.isEmpty()) {
                if (!listing) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                send(exchange, 200, "text/html;charset=UTF-8", listingHtml().getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] content = path.startsWith(DIR) ? files.get(name) : null;
            if (content == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (method.equals("GET") && silent.getOrDefault(name, 0) > 0) {
                silent.merge(name, -1, Integer::sum);
                pause();
            }
            if (method.equals("GET") && unavailable.getOrDefault(name, 0) > 0) {
                unavailable.merge(name, -1, Integer::sum);
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (method.equals("HEAD")) {
                if (!headAllowed) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Length", Long.toString(headLies.getOrDefault(name, (long) content.length)));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            long start = 0;
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            boolean ranged = honourRange && matcher != null && matcher.matches();
            if (ranged) {
                start = Long.parseLong(matcher.group(1));
                if (start >= content.length) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Range",
                        "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            }
            int status = ranged ? 206 : 200;
            int length = content.length - (int) start;
            exchange.getResponseHeaders().set("Content-Type", "application/zip");
            exchange.sendResponseHeaders(status, length);
            OutputStream body = exchange.getResponseBody();
            Integer cut = cutAfter.remove(name);
            Integer stall = stallAfter.remove(name);
            if (cut != null) {
                body.write(content, (int) start, Math.min(cut, length));
                body.flush();
                // Closing with bytes still owed makes the server drop the connection: a cut mid-body.
                return;
            }
            if (stall != null) {
                body.write(content, (int) start, Math.min(stall, length));
                body.flush();
                pause();
                return;
            }
            body.write(content, (int) start, length);
        } catch (IOException | RuntimeException e) {
            // a client that went away, or a connection we dropped on purpose
        }
    }

    private void pause() {
        try {
            Thread.sleep(stallMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Like Apache's mod_autoindex output, with the sort links, the parent link and a sibling month. */
    private String listingHtml() {
        List<String> lines = new ArrayList<>();
        lines.add("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">");
        lines.add("<html><head><title>Index of " + DIR + "</title></head><body><h1>Index of " + DIR + "</h1>");
        lines.add("<table><tr><th><a href=\"?C=N;O=D\">Name</a></th><th><a href=\"?C=M;O=A\">Last modified</a></th></tr>");
        lines.add("<tr><td><a href=\"/dados/\">Parent Directory</a></td></tr>");
        files.keySet().stream().sorted().forEach(name -> lines.add("<tr><td valign=\"top\"><img src=\"/icons/compressed.gif\""
                + " alt=\"[   ]\"></td><td><a href=\"" + name + "\">" + name + "</a></td><td align=\"right\">2025-11-09 10:15  </td>"
                + "<td align=\"right\"> 21M</td></tr>"));
        lines.addAll(extraListingLines);
        lines.add("</table></body></html>");
        return String.join("\n", lines);
    }
}
