package com.dominusleads.messaging.provider.email;

import static com.dominusleads.messaging.provider.email.EmailChannelKeys.*;
import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.OutgoingMessage;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ProviderClient;
import com.dominusleads.messaging.provider.ProviderFailures;
import com.dominusleads.messaging.provider.Reconciliation;
import com.dominusleads.messaging.provider.SendResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mail through the channel's own SMTP server (Angus Mail, on a worker thread: SMTP is blocking): plain UTF-8 text
 * from the channel's address, replies to it, and our message id as the {@code Message-ID}
 * ({@code <id@dominusleads>}), so that a reply's {@code In-Reply-To} names the message it answers.
 * <p>
 * <b>Reconciliation</b> is impossible (SMTP has no lookup) and always answers {@link Reconciliation.NotSent}: the
 * message is sent again with the same {@code Message-ID}, which mail clients show as one message.
 */
@ApplicationScoped
public class SmtpClient implements ProviderClient {


    private final Duration timeout;
    /** Per channel, with the properties it was made from: a changed setting makes a new session. */
    private final Map<UUID, CachedSession> sessions = new ConcurrentHashMap<>();

    private record CachedSession(Properties properties, Session session) {
    }

    public SmtpClient(@ConfigProperty(name = "dominus.messaging.providers.timeout", defaultValue = "15s")
                      Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Provider provider() {
        return Provider.SMTP;
    }

    /** Our {@code Message-ID} for {@code messageId}: also the provider message id a send answers. */
    public static String messageIdHeader(UUID messageId) {
        return "<" + messageId + "@dominusleads>";
    }

    @Override
    public Uni<SendResult> send(Channel channel, OutgoingMessage message) {
        return Uni.createFrom().item(() -> deliver(channel, message))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(ProviderFailures::sendResult);
    }

    /** Always NotSent: see the class comment. */
    @Override
    public Uni<Reconciliation> reconcile(Channel channel, OutgoingMessage message) {
        return Uni.createFrom().item(new Reconciliation.NotSent());
    }

    private SendResult deliver(Channel channel, OutgoingMessage message) {
        String messageId = messageIdHeader(message.id());
        try {
            MimeMessage mime = new FixedIdMessage(session(channel), messageId);
            InternetAddress sender = new InternetAddress(channel.address(), channel.setting(FROM_NAME, null),
                    StandardCharsets.UTF_8.name());
            mime.setFrom(sender);
            mime.setReplyTo(new Address[] {new InternetAddress(channel.address())});
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient()));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
            String username = channel.setting(USERNAME, null);
            if (username != null) {
                Transport.send(mime, username, channel.optionalSecret(PASSWORD));
            } else {
                Transport.send(mime);
            }
            return new SendResult.Accepted(messageId);
        } catch (MessagingException e) {
            return classify(e);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private Session session(Channel channel) {
        Properties properties = properties(channel);
        return sessions.compute(channel.id(), (id, cached) -> cached != null && cached.properties().equals(properties)
                ? cached : new CachedSession(properties, Session.getInstance(properties))).session();
    }

    private Properties properties(Channel channel) {
        String security = channel.setting(SECURITY, "none").toLowerCase(Locale.ROOT);
        String defaultPort = switch (security) {
            case "none" -> "25";
            case "starttls" -> "587";
            case "ssl" -> "465";
            default -> throw new IllegalStateException("channel " + channel.id() + " has an unknown SMTP security "
                    + security + " (none, starttls, ssl)");
        };
        String millis = String.valueOf(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", channel.setting(HOST));
        properties.setProperty("mail.smtp.port", channel.setting(PORT, defaultPort));
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.auth", String.valueOf(channel.setting(USERNAME, null) != null));
        if (!security.equals("none")) {
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            properties.setProperty(security.equals("ssl") ? "mail.smtp.ssl.enable" : "mail.smtp.starttls.required",
                    "true");
            properties.setProperty("mail.smtp.starttls.enable", String.valueOf(security.equals("starttls")));
        }
        return properties;
    }

    /**
     * A refused recipient (5xx) is unreachable and a greylisting or full mailbox (4xx) passes; refused credentials are
     * the channel's; no connection, or one lost, may pass.
     */
    static SendResult classify(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new SendResult.ChannelFailure("auth_failed", e.getMessage());
        }
        if (e instanceof MailConnectException) {
            return new SendResult.Transient(ProviderFailures.CONNECT_FAILED, e.getMessage());
        }
        for (Exception next = e; next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException refused) {
                return refused.getReturnCode() >= 500
                        ? new SendResult.Unreachable(String.valueOf(refused.getReturnCode()), refused.getMessage())
                        : new SendResult.Transient(String.valueOf(refused.getReturnCode()), refused.getMessage());
            }
        }
        if (e instanceof SMTPSendFailedException failed) {
            return new SendResult.Transient(String.valueOf(failed.getReturnCode()), failed.getMessage());
        }
        if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0) {
            return new SendResult.Unreachable("invalid_address", failed.getMessage());
        }
        return new SendResult.Transient(ProviderFailures.IO_ERROR, ProviderFailures.describe(e));
    }

    /** A MIME message whose Message-ID is ours: Angus would otherwise make a new one each time it is saved. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
