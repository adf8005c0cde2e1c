package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.messaging.MessagingFixture;
import com.dominusleads.messaging.MessagingTestProfile;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.provider.SendResult;
import com.dominusleads.messaging.provider.meta.MetaClient;
import com.dominusleads.messaging.provider.twilio.TwilioClient;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.providersimulator.Send;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A send is recorded before its provider call; a process that stops in between (before the call, or after it but
 * before recording the answer) leaves it in doubt, and whatever the case the provider ends up with exactly one copy.
 * Also: a message sent but never delivered makes the conversation try its next channel.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class DeliveryGuaranteesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MessagingFixture fixture;

    @Inject
    ChannelStore channels;

    @Inject
    TwilioClient twilio;

    @Inject
    MetaClient meta;

    private List<Send> sendsTo(String recipient) {
        return MessagingFixture.simulator().sends().matching(send -> recipient.equals(send.contact()));
    }

    @Test
    void stoppedBeforeTheCallTwilioGetsTheMessageOnce() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940002001", 10);
        String recipient = "+5511987652001";

        UUID message = fixture.recordedSend(tenant, sms, recipient, "Olá, antes da queda", Instant.now().minusSeconds(1));

        // The simulator reports delivery 50 ms after the send: SENT may be gone by the next look.
        await().atMost(WAIT).until(() -> List.of("SENT", "DELIVERED", "READ").contains(fixture.messageStatus(message)));
        assertThat(sendsTo(recipient)).singleElement()
                .satisfies(send -> assertThat(send.body()).isEqualTo("Olá, antes da queda"));
        assertThat(fixture.outbox(tenant, "message.sent")).isEqualTo(1);
    }

    @Test
    void stoppedAfterTheCallTwilioIsNotCalledAgain() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940002002", 10);
        String recipient = "+5511987652002";
        UUID message = fixture.recordedSend(tenant, sms, recipient, "Olá, depois da chamada",
                Instant.now().plusSeconds(2));
        // What the stopped process did before it could record the answer.
        SendResult answer = twilio.send(channels.findForWebhook(sms.id()).await().indefinitely().orElseThrow(),
                fixture.outgoing(tenant, message)).await().indefinitely();
        String sid = ((SendResult.Accepted) answer).providerMessageId();

        await().atMost(WAIT).until(() -> "SENT".equals(fixture.messageStatus(message))
                || "DELIVERED".equals(fixture.messageStatus(message)));
        assertThat(fixture.database().query("select provider_message_id from message where id = $1", message)
                .iterator().next().getString(0)).isEqualTo(sid);
        assertThat(sendsTo(recipient)).hasSize(1);
        assertThat(fixture.outbox(tenant, "message.sent")).isEqualTo(1);
    }

    @Test
    void stoppedAfterTheCallMetasStatusWebhookSettlesItAndNothingIsResent() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo whatsapp = fixture.metaWhatsApp(tenant, "1065400101", "+5511940002003", 10);
        String recipient = "+5511987652003";
        UUID message = fixture.recordedSend(tenant, whatsapp, recipient, "Olá pelo WhatsApp",
                Instant.now().plusSeconds(1));
        SendResult answer = meta.send(channels.findForWebhook(whatsapp.id()).await().indefinitely().orElseThrow(),
                fixture.outgoing(tenant, message)).await().indefinitely();
        String wamid = ((SendResult.Accepted) answer).providerMessageId();

        // Meta's statuses carry our id (biz_opaque_callback_data): the message is known sent without its answer.
        await().atMost(WAIT).until(() -> List.of("SENT", "DELIVERED", "READ").contains(fixture.messageStatus(message)));
        assertThat(fixture.database().query("select provider_message_id from message where id = $1", message)
                .iterator().next().getString(0)).isEqualTo(wamid);
        // Past Meta's reconciliation window (3 s here), still one send.
        await().pollDelay(Duration.ofSeconds(5)).atMost(WAIT).untilAsserted(() ->
                assertThat(sendsTo(recipient)).hasSize(1));
        assertThat(fixture.outbox(tenant, "message.sent")).isEqualTo(1);
    }

    @Test
    void stoppedBeforeTheCallMetaGetsItOnceAfterItsWindow() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo whatsapp = fixture.metaWhatsApp(tenant, "1065400102", "+5511940002004", 10);
        String recipient = "+5511987652004";

        UUID message = fixture.recordedSend(tenant, whatsapp, recipient, "Olá, de novo", Instant.now().minusSeconds(1));

        await().atMost(WAIT).until(() -> List.of("SENT", "DELIVERED", "READ").contains(fixture.messageStatus(message)));
        assertThat(sendsTo(recipient)).singleElement()
                .satisfies(send -> assertThat(send.body()).isEqualTo("Olá, de novo"));
    }

    @Test
    void aMessageNeverDeliveredFallsBackToTheNextChannel() {
        String tenant = ServiceDatabase.newTenant();
        ProviderSimulator providers = MessagingFixture.simulator();
        fixture.metaWhatsApp(tenant, "1065400103", "+5511940002005", 10);
        fixture.twilio(tenant, ChannelKind.SMS, "+5511940002006", 10);
        String mobile = "+5511987652005";
        providers.configure("""
                {"outcomes": {"script": {"%s": {"whatsapp": "no_delivery", "sms": "silence"}}}}""".formatted(mobile));

        fixture.select(tenant, "44555666000102", List.of(mobile), List.of());

        await().atMost(WAIT).untilAsserted(() -> assertThat(sendsTo(mobile)).extracting(Send::provider)
                .containsExactly("meta", "twilio"));
        assertThat(fixture.database().count("select count(*) from message where tenant_id = $1 and kind = 'WHATSAPP'"
                + " and status = 'UNDELIVERED' and error_code = 'no_delivery'", tenant)).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(fixture.conversationState(tenant, "44555666000102")).isEqualTo("AWAITING_REPLY"));
    }
}
