package com.dominusleads.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.dominusleads.events.Topics;
import com.dominusleads.events.directory.DirectoryReleaseIngested;
import com.dominusleads.gateway.GatewayTest;
import com.dominusleads.gateway.Simulators;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.simulator.CallLog;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventProducer;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.TestStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A new live release of the directory makes the cached answers from before it obsolete, and only those. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cnaes_gateway"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(Simulators.class)
class ReleaseIngestedConsumerTest extends GatewayTest {

    @Test
    void answersCachedBeforeANewReleaseAreForgottenAndLaterOnesKept() throws Exception {
        List<String> cnpjs = Simulators.remoteOnlyCompanies(2);
        gateway().get("/v1/companies/" + cnpjs.get(0)).then().statusCode(200).body("source", equalTo("remote"));
        Instant releaseLive = Instant.now();
        Thread.sleep(5); // the second answer is fetched strictly after the release went live
        gateway().get("/v1/companies/" + cnpjs.get(1)).then().statusCode(200).body("source", equalTo("remote"));

        EventPayloadEncoder encoder = EventPayloadEncoder.resolved(TestStack.registryApi().toString());
        DirectoryReleaseIngested event = DirectoryReleaseIngested.newBuilder().setReleaseId("2026-11")
                .setEstablishments(10).setCompanies(8).setQuarantinedRows(0).setOccurredAt(releaseLive).build();
        try (EventProducer producer = new EventProducer()) {
            producer.send(Topics.DIRECTORY_RELEASE_INGESTED, "2026-11", encoder.encode(event), UUID.randomUUID());
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count("select count(*) from company_cache")).isEqualTo(1));
        gateway().get("/v1/companies/" + cnpjs.get(0)).then().statusCode(200).body("source", equalTo("remote"));
        gateway().get("/v1/companies/" + cnpjs.get(1)).then().statusCode(200).body("source", equalTo("cache"));
        assertThat(Simulators.remote().calls().count(CallLog.Kind.COMPANY)).isEqualTo(3);
    }
}
