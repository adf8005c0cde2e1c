package com.dominusleads.launcher.bench;

import com.dominusleads.launcher.suite.EphemeralSuite;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A tenant's Meta WhatsApp number as a tenant admin creates it (messaging-service's channels API), with the provider
 * simulator posting its webhooks to the URL the service serves for it, signed with its app secret.
 */
record MetaBenchChannel(String tenant, UUID id, String phoneNumberId, String appSecret, String verifyToken) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Creates the channel: rate and daily cap at the API's maxima (pacing is lifted for the benchmark, the cap is not).
     */
    static MetaBenchChannel create(HttpClient http, EphemeralSuite.Instance service, String adminToken,
                                   ProviderSimulatorAdmin simulator, String tenant, String phoneNumberId,
                                   String number) throws IOException, InterruptedException {
        String appSecret = "bench-app-secret-" + tenant;
        String verifyToken = "bench-verify-" + tenant;
        ObjectNode body = JSON.createObjectNode().put("kind", "WHATSAPP").put("provider", "META")
                .put("address", number).put("name", "bench " + tenant).put("dailyCap", 100_000).put("perSecond", 1_000);
        body.putObject("settings").put("phoneNumberId", phoneNumberId);
        body.putObject("secrets").put("accessToken", "bench-token").put("appSecret", appSecret)
                .put("verifyToken", verifyToken);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.url("/api/messaging/channels"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating " + tenant + "'s Meta channel: HTTP " + response.statusCode()
                    + " " + response.body());
        }
        UUID id = UUID.fromString(JSON.readTree(response.body()).path("id").asText());
        MetaBenchChannel channel = new MetaBenchChannel(tenant, id, phoneNumberId, appSecret, verifyToken);
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("meta").putObject("phoneNumbers").putObject(phoneNumberId)
                .put("displayPhoneNumber", number).put("appSecret", appSecret)
                .put("webhookUrl", channel.webhookUrl(service).toString());
        simulator.configure(patch.toString());
        return channel;
    }

    /** Where Meta posts this number's webhooks. */
    URI webhookUrl(EphemeralSuite.Instance service) {
        return service.url("/webhooks/meta/" + id);
    }
}
