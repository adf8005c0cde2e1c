package com.dominusleads.testsupport;

import com.dominusleads.events.registry.SchemaRegistrar;
import com.dominusleads.stack.ApicurioRegistry;
import com.dominusleads.stack.ChildProcess;
import com.dominusleads.stack.ConnectWorker;
import com.dominusleads.stack.DistributionCache;
import com.dominusleads.stack.KeycloakServer;
import com.dominusleads.stack.MavenArtifact;
import com.dominusleads.stack.OutboxConnector;
import com.dominusleads.stack.Owner;
import com.dominusleads.stack.Ports;
import com.dominusleads.stack.PostgresServer;
import com.dominusleads.stack.ProcessSpec;
import com.dominusleads.stack.StackHome;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * The real servers a test JVM needs, each started at most once per JVM on first use and stopped when the JVM exits:
 * every test class shares them (a test isolates itself with its own database, topic or tenant). Servers left by a
 * test JVM that was killed are stopped by the next one (see {@link Owner}).
 */
public final class TestStack {

    private static final Logger LOG = Logger.getLogger(TestStack.class);
    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** The test Keycloak's master realm administrator, for tests that inspect Keycloak ({@link Tokens#adminConsole()}). */
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    private static PostgresServer postgres;
    private static KafkaClusterTestKit kafka;
    private static URI registryApi;
    private static ConnectWorker connect;
    private static GreenMail mail;
    private static URI keycloak;
    private static KeycloakServer.RealmSettings keycloakRealm;
    private static final Set<String> streamed = new HashSet<>();

    private TestStack() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.startEphemeral();
            LOG.infof("PostgreSQL started on port %d", postgres.port());
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            try {
                // The broker halts the JVM when its log directories fail, and at exit the kit's own hook deletes them
                // while ours is still stopping the broker: that race turned green test runs into exit code 1 (surefire:
                // "Error occurred in starting fork"). Kafka's own tests replace these procedures the same way.
                Exit.setHaltProcedure((status, message) -> LOG.warnf("the test broker asked to halt (%d): %s", status, message));
                Exit.setExitProcedure((status, message) -> LOG.warnf("the test broker asked to exit (%d): %s", status, message));
                KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                kafka = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(TestStack::closeKafka, "kafka-test-shutdown"));
                LOG.infof("Kafka started at %s", cluster.bootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException("The in-JVM Kafka broker did not start: " + e.getMessage(), e);
            }
        }
        return kafka.bootstrapServers();
    }

    /** Apicurio Registry (in-memory) with every event schema registered under a BACKWARD rule. */
    public static synchronized URI registryApi() {
        if (registryApi == null) {
            StackHome home = StackHome.locate();
            Path distribution = new DistributionCache(home.distributions(), LOG::info).unpacked(MavenArtifact.APICURIO_REGISTRY);
            int port = Ports.free();
            ProcessSpec spec = ApicurioRegistry.prepare(distribution, Owner.scratchDirectory("apicurio"), port, Ports.free(),
                    null, null, null);
            startChild(spec);
            registryApi = ApicurioRegistry.apiUri(port);
            SchemaRegistrar registrar = new SchemaRegistrar(registryApi);
            registrar.registerCatalog();
        }
        return registryApi;
    }

    /**
     * A real SMTP and IMAP server in this JVM (GreenMail) on 127.0.0.1, no authentication (any login opens that
     * address's mailbox), accepting every recipient. Read what arrived with {@link Mailbox}, or over IMAP.
     */
    public static synchronized GreenMail mail() {
        if (mail == null) {
            // Port 0: the system picks a free one, so two test JVMs never race for a port.
            GreenMail server = new GreenMail(new ServerSetup[] {
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()})
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mail-test-shutdown"));
            mail = server;
            LOG.infof("SMTP and IMAP (GreenMail) started on ports %d and %d", server.getSmtp().getPort(),
                    server.getImap().getPort());
        }
        return mail;
    }

    /**
     * Keycloak with the realms of {@code deploy/keycloak/}, its data in a database of {@link #postgres()} (fresh for
     * every JVM) and its mail sent to {@link #mail()}. Returns its base URL, e.g. {@code http://127.0.0.1:41234}.
     */
    public static synchronized URI keycloak() {
        if (keycloak == null) {
            StackHome home = StackHome.locate();
            Path distribution = new DistributionCache(home.distributions(), LOG::info).unpacked(MavenArtifact.KEYCLOAK);
            PostgresServer database = postgres();
            database.ensureDatabase("keycloak");
            int port = Ports.free();
            keycloakRealm = KeycloakServer.RealmSettings.withRandomSecrets(mail().getSmtp().getPort());
            startChild(KeycloakServer.prepare(distribution, home.keycloakRealms(), Owner.scratchDirectory("keycloak"),
                    port, Ports.free(), database.jdbcUrl("keycloak"), PostgresServer.USER, keycloakRealm,
                    KEYCLOAK_ADMIN, KEYCLOAK_ADMIN_PASSWORD));
            keycloak = URI.create("http://127.0.0.1:" + port);
        }
        return keycloak;
    }

    /** The SMTP port and client secrets the test Keycloak's realm was imported with (starts it if needed). */
    public static synchronized KeycloakServer.RealmSettings keycloakRealm() {
        keycloak();
        return keycloakRealm;
    }

    /** A Kafka Connect worker with the Debezium plugin, on the test Kafka broker. */
    public static synchronized ConnectWorker connect() {
        if (connect == null) {
            String bootstrap = kafkaBootstrapServers();
            int port = Ports.free();
            startChild(ConnectWorker.prepare(StackHome.locate(), Owner.scratchDirectory("connect"), bootstrap, port));
            connect = new ConnectWorker(port);
        }
        return connect;
    }

    /**
     * Streams {@code database}'s outbox to Kafka. Call it after the service has started, so that its migrations
     * have created the outbox table, publication and replication slot the connector uses.
     */
    public static synchronized void streamOutbox(String database) {
        // Registered once per JVM: registering again would restart a connector other tests are reading from.
        if (streamed.add(database)) {
            ConnectWorker worker = connect();
            worker.awaitRunning(OutboxConnector.register(worker, StackHome.locate(), database, postgres().port()), STARTUP);
        }
    }

    /** Stops streaming {@code database}'s outbox (its replication slot keeps every row written meanwhile). */
    public static synchronized void stopStreaming(String database) {
        connect().deleteConnector(OutboxConnector.nameFor(database));
        streamed.remove(database);
    }

    private static void startChild(ProcessSpec spec) {
        Path log = spec.workDir().resolve(spec.name() + ".log");
        ChildProcess process = ChildProcess.startReady(spec, log, STARTUP);
        LOG.infof("%s ready (pid %d, log %s)", spec.name(), process.pid(), log);
    }

    private static void closeKafka() {
        try {
            kafka.close();
        } catch (Exception e) {
            LOG.warn("Kafka did not shut down cleanly", e);
        }
    }
}
