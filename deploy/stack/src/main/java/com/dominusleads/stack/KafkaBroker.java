package com.dominusleads.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A single-node Apache Kafka 4 broker in KRaft mode (broker and controller in one JVM), bound to 127.0.0.1, every
 * replication factor 1. Its log directory is formatted once and kept.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    public static ProcessSpec prepare(StackHome home, Path dir, int port, int controllerPort) {
        Path logDirs = dir.resolve("data");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDirs.toString());
        config.put("num.partitions", "3");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        Path configDir = dir.resolve("config");
        Path properties = KafkaDistribution.writeConfig(configDir, "server.properties", config);
        if (!Files.isRegularFile(logDirs.resolve("meta.properties"))) {
            format(home, configDir, properties, dir.resolve("format.log"));
        }
        return new ProcessSpec("kafka",
                KafkaDistribution.command(home, configDir, "512m", "kafka.Kafka", properties.toString()),
                dir, Map.of(), URI.create("tcp://127.0.0.1:" + port));
    }

    private static void format(StackHome home, Path configDir, Path properties, Path log) {
        var command = KafkaDistribution.command(home, configDir, "256m", "kafka.tools.StorageTool",
                "format", "-t", clusterId(), "-c", properties.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A random cluster id in Kafka's format (URL-safe base64 of 16 bytes, not starting with '-'). */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
