package com.dominusleads.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Runs main classes of the Kafka distribution assembled in {@code deploy/kafka-runtime} (broker, tools, Connect). */
final class KafkaDistribution {

    private KafkaDistribution() {
    }

    static List<String> command(StackHome home, Path configDir, String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(JavaRuntime.java(),
                "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + configDir.resolve("log4j2.properties"),
                "-cp", home.kafkaLibs() + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Writes {@code properties} and the shared log configuration into {@code configDir}. */
    static Path writeConfig(Path configDir, String fileName, Map<String, String> properties) {
        try {
            Files.createDirectories(configDir);
            try (InputStream log4j = KafkaDistribution.class.getResourceAsStream("/dominus/stack/log4j2.properties")) {
                Files.copy(log4j, configDir.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
            }
            Properties props = new Properties();
            props.putAll(properties);
            Path file = configDir.resolve(fileName);
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, "written by the DominusLeads stack; edits are overwritten at the next start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
