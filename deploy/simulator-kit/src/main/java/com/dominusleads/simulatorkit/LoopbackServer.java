package com.dominusleads.simulatorkit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's HttpServer on the loopback interface, one virtual thread per exchange: how the simulators, and the
 * webhook receivers of their tests, listen. Loopback only, since none of them is meant to be reached from another
 * machine; virtual threads, so that a hanging call or a slow webhook costs nothing.
 */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code port} (0: any free port), with room for {@code backlog} connections waiting to be accepted; nothing
     * is answered before {@link #start}, so that what the handler needs can be built with the port known.
     *
     * @param name what listens, e.g. "provider simulator": named in the error and, hyphenated, in its threads' names
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static LoopbackServer bind(String name, int port, int backlog) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    backlog);
            String threads = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-";
            return new LoopbackServer(server, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(threads, 0)
                    .factory()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " on port " + port, e);
        }
    }

    /** Answers every request with {@code handler}. */
    public LoopbackServer start(HttpHandler handler) {
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Scheme, host and port, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Stops listening at once, interrupts the exchanges still running and waits up to 5 s for them to end. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
