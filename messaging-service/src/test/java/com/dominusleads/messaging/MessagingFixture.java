package com.dominusleads.messaging;

import com.dominusleads.events.Topics;
import com.dominusleads.events.lead.ContactPhone;
import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.events.tenant.TenantSettingsChanged;
import com.dominusleads.messaging.domain.ChannelInfo;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.Channels;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.providersimulator.SimulatorOptions;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.testsupport.EventProducer;
import com.dominusleads.testsupport.ServiceDatabase;
import com.dominusleads.testsupport.TestStack;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What outreach tests share: a provider simulator in the test JVM (all three providers, e-mail through the test
 * GreenMail), a tenant's channels pointed at it, prelead.selected published to Kafka, and the database to look at.
 */
@ApplicationScoped
public class MessagingFixture {

    public static final String META_APP_SECRET = "meta-app-secret-test";
    public static final String TWILIO_SID = "AC00000000000000000000000000000001";
    public static final String TWILIO_TOKEN = "twilio-token-test";

    private static ProviderSimulator simulator;

    private final Channels channels;
    private final EventPayloadEncoder encoder;
    private final ServiceDatabase database;

    public MessagingFixture(Channels channels, EventPayloadEncoder encoder, Pool pool) {
        this.channels = channels;
        this.encoder = encoder;
        this.database = new ServiceDatabase(pool);
    }

    /** The simulator, started once per test JVM with instant statuses and replies. */
    public static synchronized ProviderSimulator simulator() {
        if (simulator == null) {
            simulator = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(7).withConfig("""
                    {"meta": {"appSecret": "%s"},
                     "twilio": {"accounts": {"%s": "%s"}},
                     "email": {"smtpPort": %d, "imapPort": %d, "pollMillis": 300},
                     "outcomes": {"probabilities": {"interested": 0, "not_interested": 0, "opt_out": 0,
                                                    "silence": 1, "invalid_number": 0}},
                     "latency": {"statusMillis": 50, "replyMillis": 150, "jitterMillis": 0}}"""
                    .formatted(META_APP_SECRET, TWILIO_SID, TWILIO_TOKEN, TestStack.mail().getSmtp().getPort(),
                            TestStack.mail().getImap().getPort())));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "provider-simulator-shutdown"));
        }
        return simulator;
    }

    public ServiceDatabase database() {
        return database;
    }

    /** A Meta WhatsApp number of {@code tenant}, its webhooks pointed at this service. */
    public ChannelInfo metaWhatsApp(String tenant, String phoneNumberId, String number, int perSecond) {
        ChannelInfo channel = channels.create(tenant, new Channels.Definition(ChannelKind.WHATSAPP, Provider.META,
                number, "WhatsApp " + number, Map.of("phoneNumberId", phoneNumberId,
                        "baseUrl", simulator().baseUri().toString()),
                Map.of("accessToken", "meta-token", "appSecret", META_APP_SECRET, "verifyToken", "verify-me"),
                10_000, perSecond)).await().indefinitely();
        simulator().configure("""
                {"meta": {"phoneNumbers": {"%s": {"displayPhoneNumber": "%s", "webhookUrl": "%s/webhooks/meta/%s"}}}}"""
                .formatted(phoneNumberId, number, MessagingTestProfile.PUBLIC_URL, channel.id()));
        return channel;
    }

    /** A Twilio number of {@code tenant} for {@code kind} (SMS or WhatsApp), inbound pointed at this service. */
    public ChannelInfo twilio(String tenant, ChannelKind kind, String number, int perSecond) {
        ChannelInfo channel = channels.create(tenant, new Channels.Definition(kind, Provider.TWILIO, number,
                "Twilio " + number, Map.of("accountSid", TWILIO_SID, "baseUrl", simulator().baseUri().toString()),
                Map.of("authToken", TWILIO_TOKEN), 10_000, perSecond)).await().indefinitely();
        String key = kind == ChannelKind.WHATSAPP ? "whatsapp:" + number : number;
        simulator().configure("""
                {"twilio": {"numbers": {"%s": {"inboundUrl": "%s/webhooks/twilio/%s"}}}}"""
                .formatted(key, MessagingTestProfile.PUBLIC_URL, channel.id()));
        return channel;
    }

    /** A mailbox of {@code tenant} on the test GreenMail (SMTP out, IMAP in). */
    public ChannelInfo email(String tenant, String address) {
        int smtp = TestStack.mail().getSmtp().getPort();
        int imap = TestStack.mail().getImap().getPort();
        return channels.create(tenant, new Channels.Definition(ChannelKind.EMAIL, Provider.SMTP, address,
                "Comercial", Map.of("host", "127.0.0.1", "port", String.valueOf(smtp), "imapHost", "127.0.0.1",
                        "imapPort", String.valueOf(imap), "imapUsername", address, "fromName", "Acme Vendas"),
                Map.of("imapPassword", address), 10_000, 50)).await().indefinitely();
    }

    /** Publishes one prelead.selected for {@code tenant}'s company {@code cnpj}. */
    public void select(String tenant, String cnpj, List<String> mobiles, List<String> emails) {
        PreleadSelected selected = PreleadSelected.newBuilder()
                .setTenantId(tenant).setSelectionId("sel-" + tenant).setQualificationRunId("run-" + tenant)
                .setCnpj(cnpj).setCompanyName("Empresa " + cnpj)
                .setPhones(mobiles.stream().map(phone -> new ContactPhone(phone, true)).toList())
                .setEmails(emails).setOccurredAt(Instant.now()).build();
        try (EventProducer producer = new EventProducer()) {
            producer.send(Topics.PRELEAD_SELECTED, tenant, encoder.encode(selected), UUID.randomUUID());
        }
    }

    /** Publishes {@code tenant}'s settings (as tenant-service does) and waits until the service has them. */
    public void settings(String tenant, Map<String, String> settings) {
        TenantSettingsChanged changed = TenantSettingsChanged.newBuilder().setTenantId(tenant).setSettings(settings)
                .setOccurredAt(Instant.now()).build();
        try (EventProducer producer = new EventProducer()) {
            producer.send(Topics.TENANT_SETTINGS_CHANGED, tenant, encoder.encode(changed), UUID.randomUUID());
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> database.count(
                "select count(*) from tenant_settings where tenant_id = $1 and settings = $2::jsonb", tenant,
                new io.vertx.core.json.JsonObject(new java.util.HashMap<>(settings))) == 1);
    }

    /**
     * A message as a process leaves it when it stops after recording a send (SENDING, lease until
     * {@code claimedUntil}) and maybe after calling the provider: the state a crash leaves behind.
     */
    public UUID recordedSend(String tenant, ChannelInfo channel, String recipient, String body, Instant claimedUntil) {
        UUID conversation = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        String cnpj = String.valueOf(10_000_000_000_000L + Math.abs(message.getMostSignificantBits() % 1_000_000_000L));
        database.inTenant(tenant, tx -> tx.preparedQuery("insert into conversation (id, tenant_id, cnpj, company_name,"
                        + " selection_id, qualification_run_id, plan, state) values ($1, $2, $3, 'Crash Ltda', 's', 'r',"
                        + " $4, 'CONTACTING')")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(conversation, tenant, cnpj, new io.vertx.core.json.JsonArray()
                        .add(new io.vertx.core.json.JsonObject().put("kind", channel.kind().name())
                                .put("address", recipient))))
                .chain(() -> tx.preparedQuery("insert into message (id, tenant_id, conversation_id, channel_id,"
                                + " direction, kind, provider, address, body, status, send_tries, not_before,"
                                + " first_try_at, claimed_until, created_at) values ($1, $2, $3, $4, 'OUT', $5, $6,"
                                + " $7, $8, 'SENDING', 1, now(), now(), $9, now() - interval '3 hours')")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.from(List.of(message, tenant, conversation,
                                channel.id(), channel.kind().name(), channel.provider().name(), recipient, body,
                                claimedUntil.atOffset(java.time.ZoneOffset.UTC))))));
        return message;
    }

    /** The message as the process recorded it, for calling a provider client the way the crashed process did. */
    public com.dominusleads.messaging.domain.OutgoingMessage outgoing(String tenant, UUID message) {
        var row = database.query("select kind, address, body, first_try_at, not_before from message where id = $1",
                message).iterator().next();
        return new com.dominusleads.messaging.domain.OutgoingMessage(message, tenant,
                ChannelKind.valueOf(row.getString("kind")), row.getString("address"), null, row.getString("body"),
                row.getOffsetDateTime("first_try_at").toInstant(), row.getOffsetDateTime("not_before").toInstant());
    }

    /** The message as the dispatcher holds it while sending its current try. */
    public com.dominusleads.messaging.domain.PendingMessage pending(UUID message) {
        var row = database.query("select m.tenant_id, m.conversation_id, m.channel_id, m.purpose, m.kind, m.address,"
                + " m.subject, m.body, m.attempt, m.send_tries, m.failures, m.first_try_at, m.not_before, c.cnpj,"
                + " c.state from message m left join conversation c on c.id = m.conversation_id where m.id = $1",
                message).iterator().next();
        return new com.dominusleads.messaging.domain.PendingMessage(message, row.getString("tenant_id"),
                row.getUUID("conversation_id"), row.getUUID("channel_id"), row.getString("purpose"),
                ChannelKind.valueOf(row.getString("kind")), row.getString("address"), row.getString("subject"),
                row.getString("body"), row.getInteger("attempt"), row.getInteger("send_tries"),
                row.getInteger("failures"), row.getOffsetDateTime("first_try_at").toInstant(),
                row.getOffsetDateTime("not_before").toInstant(), row.getString("cnpj"), row.getString("state"));
    }

    public String messageStatus(UUID message) {
        return database.query("select status from message where id = $1", message).iterator().next().getString(0);
    }

    public long outbox(String tenant, String eventType) {
        return database.count("select count(*) from outbox where tenant_id = $1 and event_type = $2", tenant,
                eventType);
    }

    public String conversationState(String tenant, String cnpj) {
        var rows = database.query("select state from conversation where tenant_id = $1 and cnpj = $2", tenant, cnpj);
        return rows.rowCount() == 0 ? null : rows.iterator().next().getString(0);
    }
}
