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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's GreenMail accepts mail on its SMTP port and shows it through its API, as the local user reads it. */
class MailServerProcessTest {

    @TempDir
    Path temp;

    @Test
    void mailSentToTheSmtpPortIsListedByTheApi() throws Exception {
        Path jar = new DistributionCache(temp.resolve("dist"), message -> { }).archive(MavenArtifact.GREENMAIL_STANDALONE);
        int smtpPort = Ports.free();
        int apiPort = Ports.free();
        ProcessSpec spec = MailServerProcess.prepare(jar, temp, smtpPort, apiPort);
        ChildProcess mail = ChildProcess.startReady(spec, temp.resolve("mail.log"), Duration.ofMinutes(1));
        try {
            send(smtpPort, "someone@dominusleads.local", "Welcome");

            HttpResponse<String> inbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(MailServerProcess.apiUri(apiPort) + "/api/user/someone@dominusleads.local/messages/INBOX"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(inbox.statusCode()).isEqualTo(200);
            assertThat(inbox.body()).contains("\"subject\":\"Welcome\"");
        } finally {
            mail.stop(Duration.ofSeconds(5));
        }
    }

    /** A plain SMTP conversation: the stack's module has no mail client, and needs none. */
    private static void send(int port, String to, String subject) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String[] step : new String[][] {{"HELO test", "250"}, {"MAIL FROM:<test@dominusleads.local>", "250"},
                    {"RCPT TO:<" + to + ">", "250"}, {"DATA", "354"},
                    {"Subject: " + subject + "\r\n\r\nHello.\r\n.", "250"}, {"QUIT", "221"}}) {
                out.write(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
        }
    }

    /** Reads one reply; its lines but the last have a '-' after the code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertThat(line).startsWith(code);
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
