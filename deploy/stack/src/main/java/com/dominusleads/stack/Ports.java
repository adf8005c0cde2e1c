package com.dominusleads.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Loopback port checks: every server here binds 127.0.0.1 only. */
public final class Ports {

    private Ports() {
    }

    /**
     * Ports handed out lie below the range the OS takes local ports of outgoing connections from (Linux: 32768 and
     * up): a port the OS picked for us (bind to 0) was picked from that range, and a Kafka or PostgreSQL client could
     * take it as its own local port before our server bound it (Connect failed that way in CI).
     */
    static final int LOWEST = 20_000;
    static final int HIGHEST = 32_000;
    /** Handed out in turn from a random start, so that two calls, or two JVMs, rarely meet. */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(HIGHEST - LOWEST));

    /** A port that was free a moment ago (for tests, which pick ports at random). */
    public static int free() {
        for (int tried = 0; tried < HIGHEST - LOWEST; tried++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement(), HIGHEST - LOWEST);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException taken) {
                // in use: the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port between " + LOWEST + " and " + HIGHEST));
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
