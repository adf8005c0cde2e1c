package com.dominusleads.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.Topics;
import com.dominusleads.stack.Directories;
import com.dominusleads.stack.MarkedProcesses;
import com.dominusleads.stack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local run as a user lives it: {@code ./dominus up} brings every component to ready, {@code status} reports
 * them healthy within the memory budget, {@code ./dominus demo} shows the product working end to end on it, a
 * SIGKILLed component comes back on its kept data with the next {@code up}, and {@code down} leaves no process of the
 * stack behind.
 */
class LocalStackSystemTest {

    private static final Duration UP = Duration.ofMinutes(8);
    private static final List<Integer> BASE_PORTS = List.of(15432, 19092, 19093, 18083, 18081, 18091, 18180, 18190,
            18025, 18026, 18027, 18295, 18296, 18297, 18201, 18202, 18203, 18204, 18205, 18206, 18207);
    private static final List<String> COMPONENTS = List.of("postgres", "kafka", "apicurio", "mail", "keycloak", "connect",
            "api-cnaes-simulator", "stripe-simulator", "provider-simulator", "host-service", "tenant-service",
            "leads-service", "ledger-service", "messaging-service", "ingestion-service", "cnaes-gateway");
    private static final long SIX_GB_KB = 6L * 1024 * 1024;

    private static Path stateDir;
    private static int offset;
    private static DominusCommand dominus;

    @BeforeAll
    static void ownStack() throws IOException {
        Path checkout = Path.of(System.getProperty("dominus.home")).toAbsolutePath();
        stateDir = Files.createTempDirectory("dominus-system-test");
        offset = IntStream.of(1000, 2000, 3000, 4000)
                .filter(candidate -> BASE_PORTS.stream().noneMatch(port -> Ports.inUse(port + candidate)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no free port range for the system test stack"));
        dominus = new DominusCommand(checkout, stateDir, offset);
    }

    @AfterAll
    static void stopEverythingAndDeleteItsData() throws IOException {
        if (dominus != null) {
            dominus.run(Duration.ofMinutes(3), "down");
            Directories.deleteRecursively(stateDir);
        }
    }

    @Test
    void upRecoversFromKilledComponentsAndDownLeavesNothingRunning() throws Exception {
        DominusCommand.Result up = dominus.run(UP, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("DominusLeads is up", "6 outbox connectors running", "16 event schemas registered");
        assertHealthyWithinMemoryBudget();
        assertThat(eventTopics()).containsAll(Topics.ALL);
        writeMarkerRow();

        // The guided tour: a new tenant qualifies companies of a fresh directory release over WhatsApp; more
        // qualify than it has credits, so some of its leads are charged and the rest wait locked.
        DominusCommand.Result demo = dominus.run(Duration.ofMinutes(10), "demo", "--companies", "20", "--credits", "2");
        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("20 companies selected, no credit spent", "Funnel", "Ledger statement")
                .containsPattern("selected\\s+20").containsPattern("contacted\\s+20")
                .containsPattern("CHARGED").containsPattern("LOCKED\\s+\\(hidden until charged\\)")
                .containsPattern("GRANT\\s+\\+2").containsPattern("DEBIT\\s+-1");

        for (String component : List.of("postgres", "kafka", "connect", "ledger-service")) {
            ProcessHandle process = ProcessHandle.of(pidOf(component)).orElseThrow();
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        DominusCommand.Result again = dominus.run(UP, "up");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("✔ kafka", "✔ keycloak           already running");
        assertHealthyWithinMemoryBudget();
        assertThat(markerRowKept()).as("committed data survives a SIGKILLed PostgreSQL").isTrue();

        DominusCommand.Result down = dominus.run(Duration.ofMinutes(3), "down");
        assertThat(down.exitCode()).isZero();
        assertThat(MarkedProcesses.with("DOMINUS_STACK", stateDir.toString())).as("processes of the stack").isEmpty();
        assertThat(BASE_PORTS).noneMatch(port -> Ports.inUse(port + offset));
        DominusCommand.Result status = dominus.run(Duration.ofMinutes(1), "status");
        assertThat(status.exitCode()).isEqualTo(3);
    }

    private void assertHealthyWithinMemoryBudget() {
        DominusCommand.Result status = dominus.run(Duration.ofMinutes(1), "status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("All components are healthy.");
        COMPONENTS.forEach(component -> assertThat(status.output()).containsPattern(component + "\\s+healthy"));
        Matcher peak = Pattern.compile("peak RSS ([0-9.]+) (GB|MB)").matcher(status.output());
        assertThat(peak.find()).as("status prints the stack's peak RSS").isTrue();
        double value = Double.parseDouble(peak.group(1));
        long kilobytes = (long) (value * 1024 * ("GB".equals(peak.group(2)) ? 1024 : 1));
        assertThat(kilobytes).as("peak RSS of the whole stack").isLessThan(SIX_GB_KB);
    }

    private Set<String> eventTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + (19092 + offset)))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private long pidOf(String component) throws IOException {
        return Long.parseLong(Files.readString(stateDir.resolve("run").resolve(component + ".pid")).trim().split("\\s+")[0]);
    }

    private void writeMarkerRow() throws SQLException {
        try (Connection db = ledgerDatabase()) {
            db.createStatement().execute("create table if not exists system_test_marker (id int primary key)");
            db.createStatement().execute("insert into system_test_marker values (1) on conflict do nothing");
        }
    }

    private boolean markerRowKept() throws SQLException {
        try (Connection db = ledgerDatabase(); ResultSet rows = db.createStatement()
                .executeQuery("select count(*) from system_test_marker where id = 1")) {
            return rows.next() && rows.getInt(1) == 1;
        }
    }

    private Connection ledgerDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + (15432 + offset) + "/ledger", "postgres", "");
    }
}
