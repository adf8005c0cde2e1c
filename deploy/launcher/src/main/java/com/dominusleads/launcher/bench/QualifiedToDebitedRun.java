package com.dominusleads.launcher.bench;

import com.dominusleads.events.Cnpj;
import com.dominusleads.events.Topics;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.events.registry.WireFormat;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The measured path: leads are qualified through leads-service's batch API (the leads and their lead.qualified
 * events commit together), Debezium streams the event, ledger-service debits one credit and publishes credit.debited through its
 * own outbox. Latency of a lead: from its qualification's commit (the API's answer) to its credit.debited being
 * readable by a partner (read_committed).
 */
final class QualifiedToDebitedRun {

    // The qualification engine writes its verdicts in batches (here 50 every 50 ms at 1,000 leads/s).
    private static final int BATCH = 50;
    private static final int IN_FLIGHT = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private QualifiedToDebitedRun() {
    }

    /**
     * Offers {@code count} qualifications at {@code ratePerSecond} (an open load, as replies arrive whatever the
     * ledger's pace) and measures what comes out.
     */
    static Latencies measure(EphemeralSuite suite, String tenant, int count, int ratePerSecond,
                             Consumer<String> progress) throws Exception {
        PasswordTokens tokens = new PasswordTokens(suite.tokenEndpoint());
        // HTTP/1.1 keep-alive: the JDK client would otherwise try an h2c upgrade on every new connection.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        post(http, suite.instance("ledger-service").url("/api/ledger/tenants/" + tenant + "/grants"),
                tokens.of("operator", "operator"), "{\"grantId\":\"bench-" + UUID.randomUUID()
                        + "\",\"credits\":" + (count + 100) + ",\"reason\":\"ADJUSTMENT\"}");

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> debitedAt = new ConcurrentHashMap<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> readDebits(suite.kafkaBootstrap(), tenant, count, debitedAt), "bench-debited-reader");
        reader.start();

        URI qualify = suite.instance("leads-service").url("/api/leads/qualifications/batch");
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long begin = System.nanoTime();
        for (int first = 0; first < count && failure.get() == null; first += BATCH) {
            long due = begin + (long) (first * 1e9 / ratePerSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            StringBuilder body = new StringBuilder("{\"qualifications\":[");
            for (int i = first; i < Math.min(count, first + BATCH); i++) {
                String cnpj = Cnpj.withCheckDigits(String.format("%08d0001", i + 1)).value();
                body.append(i == first ? "" : ",")
                        .append("{\"cnpj\":\"").append(cnpj).append("\",\"qualificationRunId\":\"bench\",\"score\":90}");
            }
            HttpRequest request = HttpRequest.newBuilder(qualify).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens.of(tenant + "-sales", "dominus"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                inFlight.release();
                if (error != null || response.statusCode() != 200) {
                    failure.compareAndSet(null, error != null ? error
                            : new IllegalStateException("qualification refused: HTTP " + response.statusCode() + " " + response.body()));
                    return;
                }
                try {
                    JSON.readTree(response.body()).path("results")
                            .forEach(result -> committedAt.put(result.path("lead").path("id").asText(), now));
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            });
            if ((first + BATCH) % 5_000 == 0) {
                progress.accept(String.format("%,d leads qualified", first + BATCH));
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
        for (Map.Entry<String, Long> committed : committedAt.entrySet()) {
            latencies[i++] = Math.max(0, debitedAt.get(committed.getKey()) - committed.getValue());
        }
        // Sustained throughput: debits per second from the first to the last, the rate the pipeline delivered.
        long first = debitedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = debitedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        return Latencies.of(latencies, last - first);
    }

    private static void readDebits(String bootstrap, String tenant, int count, Map<String, Long> debitedAt) {
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
                    if (!tenant.equals(record.key())) {
                        continue;  // another run's tenant (the warm-up)
                    }
                    CreditDebited debited = avro.read(null, WireFormat.body(record.value()));
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
