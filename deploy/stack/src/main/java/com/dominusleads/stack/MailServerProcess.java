package com.dominusleads.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * GreenMail as the local stack's mail server: Keycloak and the services send real mail to it over SMTP, the services
 * and the provider simulator read mailboxes over IMAP, and its web page (the REST API of {@code greenmail-standalone})
 * shows a local user what was sent, e.g. the link of a verification mail. Nothing leaves the machine: every address
 * is accepted and kept in memory, so a restart empties the mailboxes.
 */
public final class MailServerProcess {

    public static final String NAME = "mail";

    /** Where GreenMail listens on 127.0.0.1. */
    public record MailPorts(int smtp, int imap, int api) {

        /**
         * The web page listing the API; {@code GET /api/user/<address>/messages/INBOX} returns one mailbox's
         * messages, {@code GET /api/user} lists the mailboxes, {@code POST /api/mail/purge} empties them all.
         */
        public URI apiUri() {
            return URI.create("http://127.0.0.1:" + api);
        }
    }

    private MailServerProcess() {
    }

    /**
     * GreenMail on {@code ports}. Authentication is off: SMTP accepts any sender and gives unknown recipients a
     * mailbox, and an IMAP login as an address opens that address's mailbox whatever the password. {@code jar}:
     * {@link MavenArtifact#GREENMAIL_STANDALONE}, e.g. from {@link DistributionCache#archive(MavenArtifact)}; it
     * shades its own Jersey and Jackson, so it runs alone.
     */
    public static ProcessSpec prepare(Path jar, Path workDir, MailPorts ports) {
        List<String> command = List.of(JavaRuntime.java(), "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + ports.smtp(),
                "-Dgreenmail.imap.hostname=127.0.0.1",
                "-Dgreenmail.imap.port=" + ports.imap(),
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + ports.api(),
                "-Dgreenmail.auth.disabled",
                // Logs every SMTP conversation, mail content included: the log is a second place to read mails.
                "-Dgreenmail.verbose",
                "-jar", jar.toString());
        return new ProcessSpec(NAME, command, workDir, Map.of(), URI.create(ports.apiUri() + "/api/service/readiness"));
    }
}
