package com.dominusleads.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's GreenMail accepts mail on its SMTP port, shows it through its API, as the local user reads it, and
 * serves it over IMAP to whoever logs in as the address, as messaging-service and the provider simulator read it.
 */
class MailServerProcessTest {

    private static final String ADDRESS = "someone@dominusleads.local";

    @TempDir
    Path temp;
    private MailServerProcess.MailPorts ports;
    private ChildProcess mail;

    @BeforeEach
    void start() {
        Path jar = new DistributionCache(temp.resolve("dist"), message -> { }).archive(MavenArtifact.GREENMAIL_STANDALONE);
        ports = new MailServerProcess.MailPorts(Ports.free(), Ports.free(), Ports.free());
        mail = ChildProcess.startReady(MailServerProcess.prepare(jar, temp, ports), temp.resolve("mail.log"),
                Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        mail.stop(Duration.ofSeconds(5));
    }

    @Test
    void mailSentToTheSmtpPortIsListedByTheApi() throws Exception {
        send(ADDRESS, "Welcome");

        HttpResponse<String> inbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(ports.apiUri() + "/api/user/" + ADDRESS + "/messages/INBOX")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("\"subject\":\"Welcome\"");
    }

    @Test
    void anImapLoginAsTheAddressWithAnyPasswordOpensItsMailbox() throws Exception {
        send(ADDRESS, "Welcome");

        try (Conversation imap = new Conversation(ports.imap())) {
            imap.expect("* OK");
            assertThat(imap.command("a1 LOGIN " + ADDRESS + " any-password")).last().asString().startsWith("a1 OK");
            assertThat(imap.command("a2 SELECT INBOX")).contains("* 1 EXISTS").last().asString().startsWith("a2 OK");
            assertThat(imap.command("a3 FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]")).contains("Subject: Welcome");
            imap.command("a4 LOGOUT");
        }
    }

    /** A plain SMTP conversation: the stack's module has no mail client, and needs none. */
    private void send(String to, String subject) throws IOException {
        try (Conversation smtp = new Conversation(ports.smtp())) {
            smtp.expect("220");
            for (String[] step : new String[][] {{"HELO test", "250"}, {"MAIL FROM:<test@dominusleads.local>", "250"},
                    {"RCPT TO:<" + to + ">", "250"}, {"DATA", "354"},
                    {"Subject: " + subject + "\r\n\r\nHello.\r\n.", "250"}, {"QUIT", "221"}}) {
                smtp.send(step[0]);
                smtp.expect(step[1]);
            }
        }
    }

    /** Lines in and out of one TCP connection to GreenMail. */
    private static final class Conversation implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;
        private final Writer out;

        Conversation(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        }

        void send(String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        /** Reads one SMTP reply (its lines but the last have a '-' after the code), or IMAP's greeting. */
        void expect(String code) throws IOException {
            String line;
            do {
                line = in.readLine();
                assertThat(line).startsWith(code);
            } while (line.length() > 3 && line.charAt(3) == '-');
        }

        /** Sends an IMAP command; the lines answered, up to the tagged one. */
        List<String> command(String command) throws IOException {
            send(command);
            String tag = command.substring(0, command.indexOf(' ') + 1);
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = in.readLine();
                assertThat(line).as("answer to " + command).isNotNull();
                lines.add(line);
            } while (!line.startsWith(tag));
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
