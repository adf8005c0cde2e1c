package com.dominusleads.messaging.provider.email;

import static com.dominusleads.messaging.provider.ProviderTesting.await;
import static com.dominusleads.messaging.provider.ProviderTesting.closedPort;
import static com.dominusleads.messaging.provider.ProviderTesting.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.OutgoingMessage;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ProviderFailures;
import com.dominusleads.messaging.provider.Reconciliation;
import com.dominusleads.messaging.provider.SendResult;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpClientTest {

    static final String SENDER = "vendas@acme.test";

    private GreenMail greenMail;
    private SmtpClient smtp;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        smtp = new SmtpClient(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private Channel channel(int port, Map<String, String> more, Map<String, String> secrets) {
        Map<String, String> settings = new HashMap<>(Map.of(EmailChannelKeys.HOST, "127.0.0.1",
                EmailChannelKeys.PORT, String.valueOf(port), EmailChannelKeys.FROM_NAME, "Acme Vendas"));
        settings.putAll(more);
        return new Channel(UUID.randomUUID(), "tenant-a", ChannelKind.EMAIL, Provider.SMTP, SENDER, settings, secrets,
                500, 2);
    }

    private Channel channel() {
        return channel(greenMail.getSmtp().getPort(), Map.of(), Map.of());
    }

    @Test
    void theMailArrivesWithOurMessageIdSenderReplyToSubjectAndUtf8Text() throws Exception {
        OutgoingMessage message = message(ChannelKind.EMAIL, "ana@padaria.test", "Olá, ação");

        SendResult result = await(smtp.send(channel(), message));

        String messageId = "<" + message.id() + "@dominusleads>";
        assertThat(result).isEqualTo(new SendResult.Accepted(messageId));
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(messageId);
        assertThat(received.getFrom()).containsExactly(new InternetAddress(SENDER, "Acme Vendas", "UTF-8"));
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Acme Vendas");
        assertThat(received.getReplyTo()).containsExactly(new InternetAddress(SENDER));
        assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("ana@padaria.test"));
        assertThat(received.getSubject()).isEqualTo("Proposta");
        assertThat(received.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat(received.getContent()).isEqualTo("Olá, ação");
    }

    @Test
    void aSecondSendThroughTheSameChannelKeepsEachMessagesId() throws Exception {
        Channel channel = channel();
        OutgoingMessage first = message(ChannelKind.EMAIL, "ana@padaria.test", "Primeira");
        OutgoingMessage second = message(ChannelKind.EMAIL, "bia@padaria.test", "Segunda");

        await(smtp.send(channel, first));
        await(smtp.send(channel, second));

        assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsExactly(SmtpClient.messageIdHeader(first.id()), SmtpClient.messageIdHeader(second.id()));
    }

    @Test
    void refusedCredentialsAreTheChannelsFailure() {
        greenMail.setUser(SENDER, "vendas", "the-password");
        Channel channel = channel(greenMail.getSmtp().getPort(), Map.of(EmailChannelKeys.USERNAME, "vendas"),
                Map.of(EmailChannelKeys.PASSWORD, "wrong-password"));

        SendResult result = await(smtp.send(channel, message(ChannelKind.EMAIL, "ana@padaria.test", "Olá")));

        assertThat(result).isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                r -> assertThat(r.errorCode()).isEqualTo("auth_failed"));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsTransient() {
        Channel channel = channel(closedPort(), Map.of(), Map.of());

        SendResult result = await(smtp.send(channel, message(ChannelKind.EMAIL, "ana@padaria.test", "Olá")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Transient.class,
                r -> assertThat(r.errorCode()).isEqualTo(ProviderFailures.CONNECT_FAILED));
    }

    @Test
    void anUnknownSecurityModeIsAMisconfiguredChannel() {
        Channel channel = channel(greenMail.getSmtp().getPort(), Map.of(EmailChannelKeys.SECURITY, "tls1.0"), Map.of());

        SendResult result = await(smtp.send(channel, message(ChannelKind.EMAIL, "ana@padaria.test", "Olá")));

        assertThat(result).isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                r -> assertThat(r.errorCode()).isEqualTo(ProviderFailures.MISCONFIGURED));
    }

    @Test
    void reconciliationAnswersNotSentSinceSmtpCannotBeAsked() {
        assertThat(await(smtp.reconcile(channel(), message(ChannelKind.EMAIL, "ana@padaria.test", "Olá"))))
                .isEqualTo(new Reconciliation.NotSent());
    }
}
