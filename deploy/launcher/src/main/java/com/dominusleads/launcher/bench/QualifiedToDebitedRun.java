package com.dominusleads.launcher.bench;

import com.dominusleads.events.Cnpj;
import com.dominusleads.events.Topics;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The measured path: leads are qualified through leads-service's API (the lead and its lead.qualified event commit
 * together), Debezium streams the event, ledger-service debits one credit and publishes credit.debited through its
 * own outbox. Latency of a lead: from its qualification's commit (the API's answer) to its credit.debited being
 * readable by a partner (read_committed).
 */
final class QualifiedToDebitedRun {

    private static final String TENANT = "acme";
    private static final int IN_FLIGHT = 48;
    private static final ObjectMapper JSON = new ObjectMapper();

    private QualifiedToDebitedRun() {
    }

    static Latencies measure(EphemeralSuite suite, int count, Consumer<String> progress) throws Exception {
        PasswordTokens tokens = new PasswordTokens(suite.tokenEndpoint());
        // HTTP/1.1 keep-alive: the JDK client would otherwise try an h2c upgrade on every new connection.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        post(http, suite.instance("ledger-service").url("/api/ledger/tenants/" + TENANT + "/grants"),
                tokens.of("operator", "operator"), "{\"grantId\":\"bench-" + UUID.randomUUID()
                        + "\",\"credits\":" + (count + 100) + ",\"reason\":\"ADJUSTMENT\"}");

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> debitedAt = new ConcurrentHashMap<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> readDebits(suite.kafkaBootstrap(), count, debitedAt), "bench-debited-reader");
        reader.start();

        URI qualify = suite.instance("leads-service").url("/api/leads/qualifications");
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long begin = System.nanoTime();
        for (int i = 0; i < count && failure.get() == null; i++) {
            inFlight.acquire();
            String cnpj = Cnpj.withCheckDigits(String.format("%08d0001", i + 1)).value();
            String body = "{\"cnpj\":\"" + cnpj + "\",\"qualificationRunId\":\"bench\",\"score\":90}";
            HttpRequest request = HttpRequest.newBuilder(qualify).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens.of(TENANT + "-sales", "dominus"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                inFlight.release();
                if (error != null || response.statusCode() != 201) {
                    failure.compareAndSet(null, error != null ? error
                            : new IllegalStateException("qualification refused: HTTP " + response.statusCode() + " " + response.body()));
                    return;
                }
                try {
                    committedAt.put(JSON.readTree(response.body()).path("id").asText(), now);
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            });
            if ((i + 1) % 5_000 == 0) {
                progress.accept(String.format("%,d leads qualified", i + 1));
            }
        }
        inFlight.acquire(IN_FLIGHT);
        progress.accept(String.format("%,d leads qualified through the API at %,.0f /s", count,
                count / ((System.nanoTime() - begin) / 1e9)));
        if (failure.get() != null) {
            throw new IllegalStateException("the benchmark's load failed: " + failure.get().getMessage(), failure.get());
        }
        reader.join(Duration.ofMinutes(10).toMillis());
        if (debitedAt.size() < count) {
            throw new IllegalStateException("only " + debitedAt.size() + " of " + count + " debits arrived in time");
        }
        long[] latencies = new long[count];
        int i = 0;
        long last = 0;
        for (Map.Entry<String, Long> committed : committedAt.entrySet()) {
            long debited = debitedAt.get(committed.getKey());
            latencies[i++] = Math.max(0, debited - committed.getValue());
            last = Math.max(last, debited);
        }
        return Latencies.of(latencies, last - begin);
    }

    private static void readDebits(String bootstrap, int count, Map<String, Long> debitedAt) {
        SpecificDatumReader<CreditDebited> avro = new SpecificDatumReader<>(CreditDebited.getClassSchema(),
                CreditDebited.getClassSchema(), SpecificData.getForClass(CreditDebited.class));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.CREDIT_DEBITED));
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (debitedAt.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    // Apicurio framing: magic byte and 4-byte content id, then the Avro body.
                    byte[] value = record.value();
                    CreditDebited debited = avro.read(null,
                            DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
                    debitedAt.putIfAbsent(debited.getLeadId(), now);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("a credit.debited record could not be decoded", e);
        }
    }

    private static void post(HttpClient http, URI uri, String token, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + uri + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
