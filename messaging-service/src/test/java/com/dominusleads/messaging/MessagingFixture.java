package com.dominusleads.messaging;

import com.dominusleads.events.Topics;
import com.dominusleads.events.lead.ContactPhone;
import com.dominusleads.events.lead.PreleadSelected;
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

    public long outbox(String tenant, String eventType) {
        return database.count("select count(*) from outbox where tenant_id = $1 and event_type = $2", tenant,
                eventType);
    }

    public String conversationState(String tenant, String cnpj) {
        var rows = database.query("select state from conversation where tenant_id = $1 and cnpj = $2", tenant, cnpj);
        return rows.rowCount() == 0 ? null : rows.iterator().next().getString(0);
    }
}
