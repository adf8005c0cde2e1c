package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.messaging.MessagingFixture;
import com.dominusleads.messaging.MessagingTestProfile;
import com.dominusleads.providersimulator.Send;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Bursts of selections are paced: the provider never sees more than a number's rate, or the tenant's rate across its
 * numbers, in any second; and outreach waits for the tenant's sending hours.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class PacingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    MessagingFixture fixture;

    private static List<String> mobiles(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("+55119%s%04d", prefix, i)).toList();
    }

    private void selectEach(String tenant, List<String> mobiles) {
        for (int i = 0; i < mobiles.size(); i++) {
            fixture.select(tenant, String.format("5566677700%04d", i), List.of(mobiles.get(i)), List.of());
        }
    }

    @Test
    void aNumberNeverSendsFasterThanItsRate() {
        String tenant = ServiceDatabase.newTenant();
        fixture.metaWhatsApp(tenant, "1065400201", "+5511940003001", 5);
        List<String> mobiles = mobiles("8811", 30);

        selectEach(tenant, mobiles);

        await().atMost(WAIT).untilAsserted(() -> assertThat(MessagingFixture.simulator().sends()
                .matching(send -> "1065400201".equals(send.account()))).hasSize(30));
        Map<String, Integer> peaks = MessagingFixture.simulator().sends()
                .peak(Duration.ofSeconds(1), Send::account, send -> "1065400201".equals(send.account()));
        assertThat(peaks.get("1065400201")).isBetween(1, 5);
    }

    @Test
    void aTenantsRateHoldsAcrossItsNumbers() {
        String tenant = ServiceDatabase.newTenant();
        fixture.settings(tenant, Map.of("messaging.per-second", "4"));
        fixture.metaWhatsApp(tenant, "1065400202", "+5511940003002", 10);
        fixture.metaWhatsApp(tenant, "1065400203", "+5511940003003", 10);
        Set<String> numbers = Set.of("1065400202", "1065400203");
        List<String> mobiles = mobiles("8822", 24);

        selectEach(tenant, mobiles);

        await().atMost(WAIT).untilAsserted(() -> assertThat(MessagingFixture.simulator().sends()
                .matching(send -> send.account() != null && numbers.contains(send.account()))).hasSize(24));
        Map<String, Integer> peak = MessagingFixture.simulator().sends()
                .peak(Duration.ofSeconds(1), send -> "tenant", send -> send.account() != null && numbers.contains(send.account()));
        assertThat(peak.get("tenant")).isBetween(1, 4);
        // Both numbers were used (rotation), each under its own cap.
        assertThat(MessagingFixture.simulator().sends().matching(send -> send.account() != null && numbers.contains(send.account())))
                .extracting(Send::account).containsAll(numbers);
    }

    @Test
    void outreachWaitsForTheTenantsSendingHours() {
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        ZonedDateTime now = ZonedDateTime.now(saoPaulo);
        DayOfWeek tomorrow = now.getDayOfWeek().plus(1);
        String quiet = ServiceDatabase.newTenant();
        fixture.settings(quiet, Map.of("messaging.sending-hours",
                tomorrow.name().substring(0, 3) + " 09:00-10:00"));
        fixture.metaWhatsApp(quiet, "1065400204", "+5511940003004", 10);
        String open = ServiceDatabase.newTenant();
        fixture.metaWhatsApp(open, "1065400205", "+5511940003005", 10);

        fixture.select(quiet, "77888999000101", List.of("+5511988330001"), List.of());
        fixture.select(open, "77888999000102", List.of("+5511988330002"), List.of());

        // The open tenant's message is sent: the dispatcher has been over the quiet tenant's too.
        await().atMost(WAIT).untilAsserted(() -> assertThat(MessagingFixture.simulator().sends()
                .matching(send -> "+5511988330002".equals(send.contact()))).hasSize(1));
        await().atMost(WAIT).until(() -> fixture.database().count("select count(*) from message where tenant_id = $1",
                quiet) == 1);
        var row = fixture.database().query("select status, not_before from message where tenant_id = $1", quiet)
                .iterator().next();
        assertThat(row.getString("status")).isEqualTo("SCHEDULED");
        Instant opening = now.toLocalDate().plusDays(1).atTime(9, 0).atZone(saoPaulo).toInstant();
        assertThat(row.getOffsetDateTime("not_before").toInstant()).isEqualTo(opening);
        assertThat(MessagingFixture.simulator().sends()
                .matching(send -> "+5511988330001".equals(send.contact()))).isEmpty();
    }
}
