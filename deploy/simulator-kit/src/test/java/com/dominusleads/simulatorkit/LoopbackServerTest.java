package com.dominusleads.simulatorkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {

    @Test
    void answersOnLoopbackOnAVirtualThreadUntilClosed() throws Exception {
        LoopbackServer server = LoopbackServer.bind("echo server", 0, 16).start(exchange -> {
            byte[] body = (exchange.getRequestURI().getPath() + " " + Thread.currentThread().isVirtual() + " "
                    + Thread.currentThread().getName()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        SimulatorHttp http = new SimulatorHttp(server.baseUri());

        assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(http.get("/ping").body()).matches("/ping true echo-server-\\d+");

        server.close();
        assertThatThrownBy(() -> http.get("/ping")).isInstanceOf(IOException.class);
    }

    @Test
    void aPortInUseIsNamedInTheError() {
        try (LoopbackServer first = LoopbackServer.bind("first server", 0, 16)) {
            assertThatThrownBy(() -> LoopbackServer.bind("Stripe simulator", first.port(), 16))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot start the Stripe simulator on port " + first.port());
        }
    }
}
