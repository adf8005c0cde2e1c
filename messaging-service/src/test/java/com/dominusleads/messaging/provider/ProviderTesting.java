package com.dominusleads.messaging.provider;

import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.OutgoingMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What the provider clients' tests share: an HTTP client, messages to send, a port nobody listens on. */
public final class ProviderTesting {

    private ProviderTesting() {
    }

    public static ProviderHttp http(Vertx vertx) {
        return new ProviderHttp(vertx, Duration.ofSeconds(2), Duration.ofSeconds(5), 64);
    }

    /** A message tried (for the first time) now. */
    public static OutgoingMessage message(ChannelKind kind, String recipient, String body) {
        Instant now = Instant.now();
        return new OutgoingMessage(UUID.randomUUID(), "tenant-a", kind, recipient,
                kind == ChannelKind.EMAIL ? "Proposta" : null, body, now, now);
    }

    public static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(15));
    }

    /** A loopback port that was free a moment ago: connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
