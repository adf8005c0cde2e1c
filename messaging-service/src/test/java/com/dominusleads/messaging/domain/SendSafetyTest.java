package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.messaging.MessagingFixture;
import com.dominusleads.messaging.MessagingTestProfile;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.persistence.SuppressionStore;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.SendResult;
import com.dominusleads.messaging.provider.meta.MetaClient;
import com.dominusleads.providersimulator.Send;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
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
 * What must never happen to a contact, whatever the timing: a late answer moving a later try, a claimed send going
 * out after an opt-out, a provider-reported opt-out treated as a mere failure (and the next channel tried), a manual
 * entry hiding an opt-out, one broken channel stopping the others, another tenant's inbound id hiding this one's.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class SendSafetyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MessagingFixture fixture;

    @Inject
    SendAnswers answers;

    @Inject
    SendGate gate;

    @Inject
    OptOuts optOuts;

    @Inject
    SuppressionStore suppressions;

    @Inject
    ChannelStore channels;

    @Inject
    MetaClient meta;

    @Inject
    InboundProcessor inbound;

    @Inject
    Channels channelAdmin;

    @Inject
    StatusUpdates statuses;

    @Inject
    TenantTransactions transactions;

    /** What a reconciliation that did not find try 1 leaves: the message scheduled again (here for later). */
    private void rescheduledAfterReconciliation(UUID message) {
        fixture.database().query("update message set status = 'SCHEDULED', claimed_until = null,"
                + " not_before = now() + interval '1 hour' where id = $1", message);
    }

    private Channel channel(ChannelInfo info) {
        return channels.findForWebhook(info.id()).await().indefinitely().orElseThrow();
    }

    private String cnpjOf(UUID message) {
        return fixture.database().query("select c.cnpj from message m join conversation c on c.id = m.conversation_id"
                + " where m.id = $1", message).iterator().next().getString(0);
    }

    @Test
    void aLateAnswerToAnEarlierTryChangesNothing() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009001", 10);
        UUID message = fixture.recordedSend(tenant, sms, "+5511987653001", "Olá", Instant.now().plusSeconds(60));
        PendingMessage current = fixture.pending(message);
        PendingMessage earlierTry = new PendingMessage(current.id(), current.tenantId(), current.conversationId(),
                current.channelId(), current.purpose(), current.kind(), current.address(), current.subject(),
                current.body(), current.attempt(), current.sendTries() - 1, 0, current.firstTryAt(),
                current.triedAt(), current.cnpj(), current.conversationState());

        answers.record(earlierTry, channel(sms), new SendResult.Unreachable("30003", "unreachable"))
                .await().atMost(WAIT);
        answers.record(earlierTry, channel(sms), new SendResult.Throttled("20429", Duration.ofSeconds(1)))
                .await().atMost(WAIT);

        assertThat(fixture.messageStatus(message)).isEqualTo("SENDING");
        assertThat(fixture.outbox(tenant, "message.status-changed")).isZero();

        answers.record(current, channel(sms), new SendResult.Unreachable("30003", "unreachable")).await().atMost(WAIT);
        assertThat(fixture.messageStatus(message)).isEqualTo("FAILED");
    }

    @Test
    void anAcceptedAnswerArrivingAfterAReconciliationRescheduledTheMessageStillCountsAsSent() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009012", 10);
        UUID message = fixture.recordedSend(tenant, sms, "+5511987653012", "Olá", Instant.now().plusSeconds(60));
        PendingMessage firstTry = fixture.pending(message);
        rescheduledAfterReconciliation(message);

        answers.record(firstTry, channel(sms), new SendResult.Accepted("SM0000000000000000000000000000012"))
                .await().atMost(WAIT);

        assertThat(fixture.messageStatus(message)).isEqualTo("SENT");
        assertThat(fixture.outbox(tenant, "message.sent")).isEqualTo(1);
    }

    @Test
    void aFailureStatusForAnEarlierTryDoesNotFailTheMessageScheduledAgain() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009013", 10);
        UUID message = fixture.recordedSend(tenant, sms, "+5511987653013", "Olá", Instant.now().plusSeconds(60));
        rescheduledAfterReconciliation(message);

        inbound.accept(channel(sms), List.of(new ProviderEvent.StatusUpdate(com.dominusleads.messaging.domain
                .Provider.TWILIO, "SM0000000000000000000000000000013", message, DeliveryStatus.FAILED, "30003",
                "Unreachable", Instant.now()))).await().atMost(WAIT);

        assertThat(fixture.messageStatus(message)).isEqualTo("SCHEDULED");
        assertThat(fixture.outbox(tenant, "message.status-changed")).isZero();
    }

    @Test
    void aChannelWhoseCredentialsCannotBeDecryptedCanBeGivenNewOnesOrDeleted() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo fixed = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009014", 10);
        ChannelInfo retired = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009015", 10);
        for (ChannelInfo info : List.of(fixed, retired)) {
            fixture.database().inTenant(tenant, tx -> tx.preparedQuery("update channel set credentials = $2"
                    + " where id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(info.id(),
                    "v1:retired:AAAAAAAAAAAAAAAA:AAAAAAAA")));
        }

        ChannelInfo changed = channelAdmin.change(tenant, fixed.id(), new Channels.Change(null, null,
                java.util.Map.of("authToken", "a-new-token"), null, null, null)).await().atMost(WAIT);
        channelAdmin.delete(tenant, retired.id()).await().atMost(WAIT);

        assertThat(changed.secrets()).containsExactly("authToken");
        assertThat(channel(fixed).secret("authToken")).isEqualTo("a-new-token");
        assertThat(channels.findForWebhook(retired.id()).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aClaimedSendIsStoppedAtItsStartByAnOptOutCommittedMeanwhile() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009002", 10);
        UUID stopped = fixture.recordedSend(tenant, sms, "+5511987653002", "Olá", Instant.now().plusSeconds(60));
        UUID other = fixture.recordedSend(tenant, sms, "+5511987653003", "Olá", Instant.now().plusSeconds(60));

        fixture.database().inTenant(tenant, tx -> optOuts.record(tx, tenant, ChannelKind.WHATSAPP, "+5511987653002",
                null, "PARE"));

        assertThat(gate.mayStart(fixture.pending(stopped)).await().atMost(WAIT)).isFalse();
        assertThat(gate.mayStart(fixture.pending(other)).await().atMost(WAIT)).isTrue();
        assertThat(fixture.messageStatus(stopped)).isEqualTo("CANCELLED");
        assertThat(fixture.messageStatus(other)).isEqualTo("SENDING");
    }

    @Test
    void twilioRefusingAnUnsubscribedRecipientIsAnOptOutNotAFallback() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009004", 10);
        String recipient = "+5511987653004";
        UUID message = fixture.recordedSend(tenant, sms, recipient, "Olá", Instant.now().plusSeconds(60));

        answers.record(fixture.pending(message), channel(sms),
                new SendResult.Unreachable("21610", "Attempt to send to unsubscribed recipient")).await().atMost(WAIT);

        assertOptedOut(tenant, message, recipient);
    }

    @Test
    void metaReportingThatTheContactStoppedMarketingMessagesIsAnOptOut() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo whatsapp = fixture.metaWhatsApp(tenant, "1065400901", "+5511940009005", 10);
        String recipient = "+5511987653005";
        UUID message = fixture.recordedSend(tenant, whatsapp, recipient, "Olá", Instant.now().plusSeconds(60));
        SendResult sent = meta.send(channel(whatsapp), fixture.outgoing(tenant, message)).await().atMost(WAIT);

        // The signed status webhook Meta posts: failed, 131050.
        MessagingFixture.simulator().status(((SendResult.Accepted) sent).providerMessageId(), "failed", 131050);

        await().atMost(WAIT).untilAsserted(() -> assertOptedOut(tenant, message, recipient));
    }

    private void assertOptedOut(String tenant, UUID message, String recipient) {
        assertThat(fixture.messageStatus(message)).isEqualTo("FAILED");
        assertThat(fixture.conversationState(tenant, cnpjOf(message))).isEqualTo("OPTED_OUT");
        assertThat(fixture.database().query("select source from suppression where tenant_id = $1 and address = $2",
                tenant, recipient).iterator().next().getString(0)).isEqualTo("OPT_OUT");
        assertThat(fixture.outbox(tenant, "contact.opted-out")).isEqualTo(1);
        assertThat(fixture.database().count("select count(*) from message where tenant_id = $1 and status = 'SCHEDULED'",
                tenant)).isZero();
    }

    @Test
    void theContactsOwnOptOutReplacesAManualEntryOnce() {
        String tenant = ServiceDatabase.newTenant();
        String address = "+5511987653006";
        boolean manual = fixture.database().inTenant(tenant, tx -> suppressions.add(tx, new Suppression(tenant,
                address, null, "MANUAL", null, "asked by phone", Instant.now())));

        boolean first = fixture.database().inTenant(tenant, tx -> optOuts.record(tx, tenant, ChannelKind.SMS, address,
                null, "SAIR"));
        boolean again = fixture.database().inTenant(tenant, tx -> optOuts.record(tx, tenant, ChannelKind.SMS, address,
                null, "SAIR"));

        assertThat(List.of(manual, first, again)).containsExactly(true, true, false);
        assertThat(fixture.database().query("select source, reason from suppression where tenant_id = $1", tenant)
                .iterator().next().getString(0)).isEqualTo("OPT_OUT");
        assertThat(fixture.outbox(tenant, "contact.opted-out")).isEqualTo(1);
    }

    @Test
    void aChannelWhoseCredentialsCannotBeDecryptedFailsAloneAndItsMessagesGoThroughAnother() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo broken = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009007", 1);
        ChannelInfo working = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009008", 1);
        fixture.database().inTenant(tenant, tx -> tx.preparedQuery("update channel set credentials = $2 where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(broken.id(), "v1:retired:AAAAAAAAAAAAAAAA:AAAAAAAA")));
        List<String> mobiles = List.of("+5511987653007", "+5511987653008", "+5511987653009");

        for (int i = 0; i < mobiles.size(); i++) {
            fixture.select(tenant, "3344455500010" + i, List.of(mobiles.get(i)), List.of());
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(MessagingFixture.simulator().sends()
                .matching(send -> mobiles.contains(send.contact()))).extracting(Send::contact)
                .containsExactlyInAnyOrderElementsOf(mobiles));
        assertThat(MessagingFixture.simulator().sends().matching(send -> mobiles.contains(send.contact())))
                .extracting(Send::from).containsOnly(working.address());
        assertThat(fixture.database().query("select quality, last_error from channel where id = $1", broken.id())
                .iterator().next().getString(1)).contains("channel_misconfigured");
    }

    @Test
    void theSameProviderMessageIdInTwoTenantsIsStoredForEach() {
        String first = ServiceDatabase.newTenant();
        String second = ServiceDatabase.newTenant();
        ChannelInfo one = fixture.twilio(first, ChannelKind.SMS, "+5511940009010", 10);
        ChannelInfo two = fixture.twilio(second, ChannelKind.SMS, "+5511940009011", 10);
        ProviderEvent.InboundMessage reply = new ProviderEvent.InboundMessage(com.dominusleads.messaging.domain
                .Provider.TWILIO, ChannelKind.SMS, "SM00000000000000000000000000000001", "+5511987653010", "x",
                "Tenho interesse", Instant.now(), null);

        inbound.accept(channel(one), List.of(reply)).await().atMost(WAIT);
        inbound.accept(channel(two), List.of(reply)).await().atMost(WAIT);
        inbound.accept(channel(two), List.of(reply)).await().atMost(WAIT);

        assertThat(fixture.database().count("select count(*) from message where direction = 'IN'"
                + " and provider_message_id = 'SM00000000000000000000000000000001' and tenant_id in ($1, $2)",
                first, second)).isEqualTo(2);
    }

    @Test
    void statusesAppliedTogetherCountEachSendOnceAndMoveOnlyForward() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009016", 10);
        Channel through = channel(sms);
        UUID read = fixture.recordedSend(tenant, sms, "+5511987653014", "Olá", Instant.now().plusSeconds(60));
        UUID delivered = fixture.recordedSend(tenant, sms, "+5511987653015", "Olá", Instant.now().plusSeconds(60));
        // Both answers were lost (SENDING); their statuses come in one batch, one message's out of order.
        List<StatusUpdates.Status> batch = List.of(
                status(through, "SM0000000000000000000000000000014", read, DeliveryStatus.SENT),
                status(through, "SM0000000000000000000000000000014", read, DeliveryStatus.DELIVERED),
                status(through, "SM0000000000000000000000000000015", delivered, DeliveryStatus.DELIVERED),
                status(through, "SM0000000000000000000000000000014", read, DeliveryStatus.READ),
                status(through, "SM0000000000000000000000000000015", delivered, DeliveryStatus.SENT));

        transactions.forTenant(tenant, tx -> statuses.apply(tx, tenant, batch)).await().atMost(WAIT);

        assertThat(fixture.messageStatus(read)).isEqualTo("READ");
        assertThat(fixture.messageStatus(delivered)).isEqualTo("DELIVERED");
        assertThat(fixture.outbox(tenant, "message.sent")).isEqualTo(2);
        // DELIVERED and READ for the first, DELIVERED for the second; the late SENT moves nothing back.
        assertThat(fixture.outbox(tenant, "message.status-changed")).isEqualTo(3);
        assertThat(fixture.database().count("select count(*) from message where tenant_id = $1"
                + " and provider_message_id is not null", tenant)).isEqualTo(2);
    }

    @Test
    void aDeliveredStatusAfterAFailureInTheSameBatchStillCountsAMessageScheduledAgainAsSent() {
        String tenant = ServiceDatabase.newTenant();
        ChannelInfo sms = fixture.twilio(tenant, ChannelKind.SMS, "+5511940009017", 10);
        UUID message = fixture.recordedSend(tenant, sms, "+5511987653016", "Olá", Instant.now().plusSeconds(60));
        rescheduledAfterReconciliation(message);
        List<StatusUpdates.Status> outOfOrder = List.of(
                status(channel(sms), "SM0000000000000000000000000000016", message, DeliveryStatus.FAILED),
                status(channel(sms), "SM0000000000000000000000000000016", message, DeliveryStatus.DELIVERED));

        transactions.forTenant(tenant, tx -> statuses.apply(tx, tenant, outOfOrder)).await().atMost(WAIT);

        // The failure found it scheduled again and left it; the delivery says the provider had it all along.
        assertThat(fixture.messageStatus(message)).isEqualTo("DELIVERED");
        assertThat(fixture.outbox(tenant, "message.sent")).isEqualTo(1);
    }

    private static StatusUpdates.Status status(Channel channel, String providerId, UUID message,
                                               DeliveryStatus status) {
        return new StatusUpdates.Status(channel, new ProviderEvent.StatusUpdate(Provider.TWILIO, providerId, message,
                status, null, null, Instant.now()));
    }
}
