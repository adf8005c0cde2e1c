package com.dominusleads.launcher.bench;

import com.dominusleads.events.Cnpj;
import com.dominusleads.events.EventCatalog;
import com.dominusleads.events.EventHeaders;
import com.dominusleads.events.Topics;
import com.dominusleads.events.lead.ContactPhone;
import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.events.registry.SchemaRegistrar;
import com.dominusleads.events.registry.WireFormat;
import com.dominusleads.launcher.suite.EphemeralSuite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The measured outreach path: {@code count} prelead.selected events of one tenant, each a company with one mobile,
 * published at once (a large selection), and the time until the provider simulator has accepted {@code count} Meta
 * sends from the tenant's number. In between, messaging-service consumes the events, opens the conversations and
 * records their first messages, and its dispatcher claims, records and sends them and records each answer; the
 * simulator's status webhooks (sent, delivered) come back to the service meanwhile, as they would from Meta.
 */
final class OutreachRun {

    private static final Duration STALL = Duration.ofSeconds(60);

    private OutreachRun() {
    }

    /** The mobile of company {@code i}: distinct per company, so that every send is to another contact. */
    static String mobile(int i) {
        return String.format(Locale.ROOT, "+55119%08d", i);
    }

    /**
     * Publishes companies {@code first} to {@code first + count - 1} for {@code channel}'s tenant and waits until
     * its number has {@code count} accepted sends.
     */
    static Throughput measure(EphemeralSuite suite, ProviderSimulatorAdmin simulator, MetaBenchChannel channel,
                              int first, int count, Consumer<String> progress) throws Exception {
        String accepted = "provider=meta&accepted=true&account=" + channel.phoneNumberId();
        long before = simulator.sends(accepted);
        long contentId = new SchemaRegistrar(suite.registryApi()).register(Topics.PRELEAD_SELECTED,
                EventCatalog.schemaOf(Topics.PRELEAD_SELECTED).orElseThrow().toString()).contentId();
        long begin = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (int i = first; i < first + count; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PRELEAD_SELECTED,
                        channel.tenant(), WireFormat.encode(selected(channel.tenant(), i), contentId));
                record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventHeaders.EVENT_TYPE,
                        Topics.PRELEAD_SELECTED.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
        progress.accept(String.format(Locale.ROOT, "%,d prelead.selected published in %.1f s", count,
                (System.nanoTime() - begin) / 1e9));

        long sent = 0;
        long lastChange = System.nanoTime();
        long lastReport = lastChange;
        while (sent < count) {
            Thread.sleep(50);
            long now = simulator.sends(accepted) - before;
            long at = System.nanoTime();
            if (now != sent) {
                sent = now;
                lastChange = at;
            } else if (at - lastChange > STALL.toNanos()) {
                throw new IllegalStateException(String.format(Locale.ROOT, "only %,d of %,d sends reached the"
                        + " simulator, none in the last %d s", sent, count, STALL.toSeconds()));
            }
            if (at - lastReport > 5_000_000_000L) {
                lastReport = at;
                progress.accept(String.format(Locale.ROOT, "%,d sends accepted after %.0f s", sent,
                        (at - begin) / 1e9));
            }
        }
        return new Throughput(count, System.nanoTime() - begin);
    }

    private static PreleadSelected selected(String tenant, int i) {
        String cnpj = Cnpj.withCheckDigits(String.format(Locale.ROOT, "%08d0001", i + 1)).value();
        return PreleadSelected.newBuilder()
                .setTenantId(tenant).setSelectionId("bench-" + tenant).setQualificationRunId("bench")
                .setCnpj(cnpj).setCompanyName("Empresa " + cnpj)
                .setPhones(List.of(new ContactPhone(mobile(i), true))).setEmails(List.of())
                .setOccurredAt(Instant.now()).build();
    }
}
