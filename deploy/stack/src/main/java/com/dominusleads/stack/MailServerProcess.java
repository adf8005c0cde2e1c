package com.dominusleads.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * GreenMail as the local stack's SMTP server: Keycloak and the services send real mail to it, and its web page (the
 * REST API of {@code greenmail-standalone}) shows a local user what was sent, e.g. the link of a verification mail.
 * Nothing leaves the machine: every address is accepted and kept in memory, so a restart empties the mailboxes.
 */
public final class MailServerProcess {

    public static final String NAME = "mail";

    private MailServerProcess() {
    }

    /**
     * GreenMail on {@code smtpPort} (no authentication: any login works, unknown recipients get a mailbox) and its
     * API on {@code apiPort}. {@code jar}: {@link MavenArtifact#GREENMAIL_STANDALONE}, e.g. from
     * {@link DistributionCache#archive(MavenArtifact)}; it shades its own Jersey and Jackson, so it runs alone.
     */
    public static ProcessSpec prepare(Path jar, Path workDir, int smtpPort, int apiPort) {
        List<String> command = List.of(JavaRuntime.java(), "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                // Logs every SMTP conversation, mail content included: the log is a second place to read mails.
                "-Dgreenmail.verbose",
                "-jar", jar.toString());
        return new ProcessSpec(NAME, command, workDir, Map.of(), URI.create(apiUri(apiPort) + "/api/service/readiness"));
    }

    /**
     * The web page listing the API; {@code GET /api/user/<address>/messages/INBOX} returns one mailbox's messages,
     * {@code POST /api/mail/purge} empties them all.
     */
    public static URI apiUri(int apiPort) {
        return URI.create("http://127.0.0.1:" + apiPort);
    }
}
