package com.dominusleads.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.gateway.GatewayTest;
import com.dominusleads.gateway.Simulators;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * The remote API key never reaches a log line: every record the application and its REST clients write, down to
 * DEBUG, while the remote fails in every way (retries, breaker, errors to the caller) is searched for it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cnaes_gateway"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(Simulators.class)
class SecretsInLogsTest extends GatewayTest {

    /** Keeps every record, formatted with its parameters and stack trace. */
    private static final class Capture extends Handler {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            lines.add(record.getLoggerName() + " " + formatter.formatMessage(record) + " " + trace);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theRemoteKeyAppearsInNoLogLineWhateverFails() {
        Logger root = Logger.getLogger("");
        List<Logger> verbose = List.of(Logger.getLogger("com.dominusleads"), Logger.getLogger("io.quarkus.rest.client"),
                Logger.getLogger("org.jboss.resteasy.reactive.client"), Logger.getLogger("io.smallrye.faulttolerance"));
        List<Level> before = verbose.stream().map(Logger::getLevel).toList();
        verbose.forEach(logger -> logger.setLevel(Level.FINE));
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            List<String> cnpjs = Simulators.remoteOnlyCompanies(6);
            Simulators.local().faults().serverErrorRate(1); // the local side fails too: its debug lines are written
            Simulators.remote().faults().serverErrorRate(1);
            gateway().get("/v1/companies/" + cnpjs.get(0));
            Simulators.remote().faults().clear().malformedJsonRate(1);
            gateway().get("/v1/companies/" + cnpjs.get(1));
            Simulators.remote().faults().clear().connectionResetRate(1);
            gateway().get("/v1/companies/" + cnpjs.get(2));
            Simulators.remote().faults().clear().hangRate(1).hangMillis(2_000);
            gateway().get("/v1/companies/" + cnpjs.get(3));
            Simulators.remote().faults().clear().retryAfterSeconds(60).tooManyRequests(1);
            gateway().get("/v1/companies/" + cnpjs.get(4));
            Simulators.remote().faults().clear();
            breakers.resetAll(); // opened by the failures above
            gateway().get("/v1/companies/" + cnpjs.get(5)).then().statusCode(200);
        } finally {
            root.removeHandler(capture);
            for (int i = 0; i < verbose.size(); i++) {
                verbose.get(i).setLevel(before.get(i));
            }
        }
        assertThat(capture.lines).as("the test saw the gateway log its retries").anyMatch(line -> line.contains("retrying"));
        assertThat(capture.lines).as("and its debug lines").anyMatch(line -> line.contains("could not answer")
                || line.contains("asking the remote API"));
        assertThat(capture.lines).noneMatch(line -> line.contains(Simulators.REMOTE_KEY));
        assertThat(capture.lines).noneMatch(line -> line.contains(Simulators.LOCAL_KEY));
    }
}
