package com.dominusleads.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dominusleads.gateway.GatewayTest;
import com.dominusleads.gateway.Simulators;
import com.dominusleads.simulator.CallLog;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A remote API deployed in the known variant: the contract under {@code /api/v1}, the key as
 * {@code Authorization: Bearer}. Only configuration changes (the base URL and {@code remote.auth=bearer}).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cnaes_gateway"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(value = Simulators.class, initArgs = @ResourceArg(name = "variant", value = "true"))
class RemoteVariantsTest extends GatewayTest {

    @Test
    void lookupsAndSearchesReachTheVariantWithBearerAuthentication() {
        assertThat(Simulators.remote().apiUri().getPath()).isEqualTo("/api/v1");
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);

        gateway().get("/v1/companies/" + cnpj).then().statusCode(200).body("source", equalTo("remote"))
                .body("cnpj", equalTo(cnpj));
        Simulators.local().faults().serverErrorRate(1);
        gateway().body("{\"cnaes\":[\"4711302\"],\"uf\":\"SP\"}").post("/v1/companies/search").then().statusCode(200)
                .body("meta.source", equalTo("remote"));

        assertThat(Simulators.remote().calls().count(CallLog.Kind.COMPANY)).isEqualTo(1);
        assertThat(Simulators.remote().calls().withStatus(401)).isZero();
    }
}
