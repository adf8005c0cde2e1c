package com.dominusleads.simulatorkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopbackSimulatorTest {

    /** A simulator whose handler needs a field its constructor sets before it listens. */
    private static final class Echo extends LoopbackSimulator {
        private final String greeting;
        private final AtomicInteger stops = new AtomicInteger();

        Echo() {
            super("echo simulator", 0, 16);
            this.greeting = "olá from " + baseUri();
            listen(exchange -> {
                byte[] body = greeting.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }

        @Override
        protected void stopping() {
            stops.incrementAndGet();
        }
    }

    @Test
    void answersOnceBuiltAndStopsOnlyOnTheFirstClose() throws Exception {
        Echo echo = new Echo();
        SimulatorHttp http = new SimulatorHttp(echo.baseUri());

        assertThat(http.get("/").body()).isEqualTo("olá from http://127.0.0.1:" + echo.port());

        echo.close();
        echo.close();
        assertThat(echo.stops).hasValue(1);
        assertThatThrownBy(() -> http.get("/")).isInstanceOf(IOException.class);
    }
}
