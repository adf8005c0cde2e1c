package com.dominusleads.stripesimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Stripe's bracket notation, decoded. */
class FormParamsTest {

    @Test
    void bracketsNestObjectsAndIndexesMakeArrays() {
        String form = "mode=subscription&line_items%5B1%5D%5Bprice%5D=price_b&line_items%5B0%5D%5Bprice%5D=price_a"
                + "&line_items%5B0%5D%5Bquantity%5D=2&subscription_data%5Bmetadata%5D%5Btenant_id%5D=acme"
                + "&invoice_creation%5Benabled%5D=true&success_url=https%3A%2F%2Fx.example%2Fok%3Fa%3D1%26b%3D2";

        ObjectNode params = FormParams.nested(form);

        assertThat(params.get("mode").asText()).isEqualTo("subscription");
        assertThat(params.get("line_items").isArray()).isTrue();
        assertThat(params.at("/line_items/0/price").asText()).isEqualTo("price_a");
        assertThat(params.at("/line_items/0/quantity").asText()).isEqualTo("2");
        assertThat(params.at("/line_items/1/price").asText()).isEqualTo("price_b");
        assertThat(params.at("/subscription_data/metadata/tenant_id").asText()).isEqualTo("acme");
        assertThat(params.at("/invoice_creation/enabled").asText()).isEqualTo("true");
        assertThat(params.get("success_url").asText()).isEqualTo("https://x.example/ok?a=1&b=2");
    }

    @Test
    void emptyBracketsAppendAndTheFlatFormNumbersThem() {
        String query = "lookup_keys[]=pro_monthly&lookup_keys[]=pro_yearly&expand[0]=line_items";

        assertThat(FormParams.nested(query).get("lookup_keys")).hasSize(2);
        assertThat(FormParams.nested(query).at("/lookup_keys/1").asText()).isEqualTo("pro_yearly");
        assertThat(FormParams.flat(query)).containsEntry("lookup_keys[0]", "pro_monthly")
                .containsEntry("lookup_keys[1]", "pro_yearly").containsEntry("expand[0]", "line_items");
    }

    @Test
    void nothingIsNoParams() {
        assertThat(FormParams.nested(null)).isEmpty();
        assertThat(FormParams.nested("")).isEmpty();
        assertThat(FormParams.flat("&&")).isEmpty();
    }
}
