package com.dominusleads.gateway;

import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceOperationsContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cnaes_gateway"))
@WithTestResource(KafkaTestResource.class)
class CnaesGatewayOperationsTest extends ServiceOperationsContract {

    @Override
    protected String database() {
        return "cnaes_gateway";
    }

    @Override
    protected boolean publishesEvents() {
        return false;
    }

    @Override
    protected boolean followsTenantStatuses() {
        return false;
    }
}
