package com.dominusleads.simulatorkit;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every simulator is: an HTTP API on a {@link LoopbackServer}, answering once its constructor has built what the
 * handler needs, and closed once (the shutdown hook closing a simulator a test already closed does nothing).
 */
public abstract class LoopbackSimulator implements AutoCloseable {

    private final LoopbackServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Binds {@code port} (0: any free port); see {@link LoopbackServer#bind}. */
    protected LoopbackSimulator(String name, int port, int backlog) {
        this.server = LoopbackServer.bind(name, port, backlog);
    }

    /** Starts answering: the last step of a subclass's constructor, once everything {@code handler} uses is built. */
    protected final void listen(HttpHandler handler) {
        server.start(handler);
    }

    /** Scheme, host and port, e.g. {@code http://127.0.0.1:41234}. */
    public final URI baseUri() {
        return server.baseUri();
    }

    public final int port() {
        return server.port();
    }

    /** Runs {@link #stopping}, then stops listening and ends the handler threads; later calls do nothing. */
    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            stopping();
            server.close();
        }
    }

    /** What must stop before the server does (timers, mailbox readers, hanging calls); nothing by default. */
    protected void stopping() {
    }
}
