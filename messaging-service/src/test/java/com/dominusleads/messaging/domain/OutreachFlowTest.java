package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.messaging.MessagingFixture;
import com.dominusleads.messaging.MessagingTestProfile;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.providersimulator.Send;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.Mailbox;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outreach end to end inside the service: prelead.selected from Kafka → conversation → dispatcher → the providers'
 * real HTTP contracts (the simulator) → signed status webhooks back → fallback to the next channel.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class OutreachFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MessagingFixture fixture;

    @Test
    void fallsBackFromWhatsAppToSmsToEmailWhenTheNumberIsInvalid() {
        String tenant = ServiceDatabase.newTenant();
        ProviderSimulator providers = MessagingFixture.simulator();
        fixture.metaWhatsApp(tenant, "1065400001", "+5511940000001", 20);
        fixture.twilio(tenant, ChannelKind.SMS, "+5511940000002", 20);
        fixture.email(tenant, "vendas@" + tenant + ".example");
        String mobile = "+5511987650001";
        String email = "contato@empresa-" + tenant + ".example";
        providers.configure("""
                {"outcomes": {"script": {"%s": {"whatsapp": "invalid_number", "sms": "invalid_number"},
                                         "%s": "silence"}}}""".formatted(mobile, email));

        fixture.select(tenant, "11222333000181", List.of(mobile), List.of(email));

        List<Mailbox.Mail> mails = Mailbox.awaitMessagesTo(email, 1, WAIT);
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("Empresa 11222333000181");
            assertThat(mail.text()).contains("PARE");
        });
        List<Send> toMobile = providers.sends().matching(send -> mobile.equals(send.contact()));
        assertThat(toMobile).extracting(Send::provider).containsExactly("meta", "twilio");
        assertThat(toMobile).allMatch(Send::accepted);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.outbox(tenant, "message.sent")).isEqualTo(3);
            assertThat(fixture.outbox(tenant, "message.status-changed")).isGreaterThanOrEqualTo(2);
            assertThat(fixture.conversationState(tenant, "11222333000181")).isEqualTo("AWAITING_REPLY");
        });
        assertThat(fixture.database().count("select count(*) from message where tenant_id = $1 and status = 'FAILED'"
                + " and error_code in ('131026', '30003')", tenant)).isEqualTo(2);
    }

    @Test
    void anOptOutStopsEveryChannelAtOnceAndARepeatedWebhookCountsOnce() {
        String tenant = ServiceDatabase.newTenant();
        ProviderSimulator providers = MessagingFixture.simulator();
        fixture.metaWhatsApp(tenant, "1065400002", "+5511940000003", 20);
        fixture.twilio(tenant, ChannelKind.SMS, "+5511940000004", 20);
        fixture.email(tenant, "vendas@" + tenant + ".example");
        String mobile = "+5511987650002";
        String email = "contato@optout-" + tenant + ".example";
        providers.configure("""
                {"outcomes": {"script": {"%s": "opt_out"}}}""".formatted(mobile));

        fixture.select(tenant, "22333444000190", List.of(mobile), List.of(email));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.outbox(tenant, "contact.opted-out")).isEqualTo(1);
            assertThat(fixture.outbox(tenant, "message.replied")).isEqualTo(1);
            assertThat(fixture.conversationState(tenant, "22333444000190")).isEqualTo("OPTED_OUT");
            // The one confirmation, through the number the contact wrote to.
            assertThat(providers.sends().matching(send -> mobile.equals(send.contact()))).hasSize(2);
        });
        assertThat(fixture.database().count("select count(*) from suppression where tenant_id = $1 and address = $2"
                + " and source = 'OPT_OUT'", tenant, mobile)).isEqualTo(1);

        // Meta delivers the same reply twice more (its retries): applied once.
        List<com.dominusleads.providersimulator.Delivery> replies = providers.deliveries().matching(delivery ->
                "inbound".equals(delivery.kind()) && mobile.equals(delivery.contact()));
        assertThat(replies).hasSize(1);
        providers.resend(replies.get(0).id(), false);
        providers.resend(replies.get(0).id(), false);
        assertThat(providers.deliveries().matching(delivery -> "inbound".equals(delivery.kind())
                && mobile.equals(delivery.contact()))).hasSize(3).allMatch(delivery -> delivery.status() == 200);
        assertThat(fixture.outbox(tenant, "message.replied")).isEqualTo(1);
        assertThat(fixture.outbox(tenant, "contact.opted-out")).isEqualTo(1);
        assertThat(fixture.database().count("select count(*) from message where tenant_id = $1 and direction = 'IN'",
                tenant)).isEqualTo(1);

        // Another company of the same tenant listing that mobile is never written to, on any channel.
        String otherEmail = "compras@optout-" + tenant + ".example";
        fixture.select(tenant, "33444555000101", List.of(mobile), List.of(otherEmail));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(fixture.conversationState(tenant, "33444555000101")).isEqualTo("SUPPRESSED"));
        // Two sends ever: the outreach, and after the opt-out only its confirmation.
        assertThat(providers.sends().matching(send -> mobile.equals(send.contact())))
                .filteredOn(Send::afterOptOut).singleElement()
                .satisfies(send -> assertThat(send.body()).contains("não receberá mais mensagens"));
        assertThat(providers.sends().matching(send -> mobile.equals(send.contact()))).hasSize(2);
        assertThat(Mailbox.messagesTo(otherEmail)).isEmpty();
        assertThat(Mailbox.messagesTo(email)).isEmpty();
    }

    @Test
    void anEmailReplyReadFromTheMailboxAnswersItsConversation() {
        String tenant = ServiceDatabase.newTenant();
        String mailbox = "vendas@reply-" + tenant + ".example";
        fixture.email(tenant, mailbox);
        String email = "diretoria@reply-" + tenant + ".example";
        MessagingFixture.simulator().configure("""
                {"outcomes": {"script": {"%s": "interested"}}}""".formatted(email));

        fixture.select(tenant, "55666777000103", List.of(), List.of(email));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.outbox(tenant, "message.replied")).isEqualTo(1);
            assertThat(fixture.conversationState(tenant, "55666777000103")).isEqualTo("REPLIED");
        });
        var reply = fixture.database().query("select body, address from message where tenant_id = $1"
                + " and direction = 'IN'", tenant).iterator().next();
        // The contact's own words, without the quoted original.
        assertThat(reply.getString("body")).isEqualTo("Sim, tenho interesse. Pode me ligar?");
        assertThat(reply.getString("address")).isEqualTo(email);
    }
}
