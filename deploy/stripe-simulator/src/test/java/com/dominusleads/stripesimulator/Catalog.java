package com.dominusleads.stripesimulator;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.checkout.Session;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

/**
 * What the product sets up in Stripe, created through stripe-java itself: a tenant's customer, a monthly plan and a
 * one-off credit pack, and the Checkout Sessions that sell them.
 */
record Catalog(Customer customer, Product plan, Price monthly, Product credits, Price creditPack) {

    static final String KEY = "sk_test_simulator_0123456789abcdefghijklmnop";
    static final String SECRET = "whsec_simulator_test_secret";

    static StripeClient client(StripeSimulator simulator) {
        return client(simulator, KEY);
    }

    static StripeClient client(StripeSimulator simulator, String key) {
        return StripeClient.builder().setApiKey(key).setApiBase(simulator.baseUri().toString())
                .setMaxNetworkRetries(0).build();
    }

    static Catalog create(StripeClient stripe) throws StripeException {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Acme Ltda")
                .setEmail("billing@acme.example").putMetadata("tenant_id", "acme").build());
        Product plan = stripe.v1().products().create(ProductCreateParams.builder().setName("Pro plan")
                .putMetadata("plan", "pro").build());
        Price monthly = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(plan.getId())
                .setCurrency("brl").setUnitAmount(19_900L).setLookupKey("pro_monthly")
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .putMetadata("credits", "500").build());
        Product credits = stripe.v1().products().create(ProductCreateParams.builder().setName("100 lead credits")
                .build());
        Price creditPack = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(credits.getId())
                .setCurrency("brl").setUnitAmount(4_990L).putMetadata("credits", "100").build());
        return new Catalog(customer, plan, monthly, credits, creditPack);
    }

    SessionCreateParams subscriptionCheckout() {
        return SessionCreateParams.builder().setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customer.getId())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(monthly.getId()).setQuantity(1L).build())
                .setSuccessUrl("https://app.example/billing/done?session={CHECKOUT_SESSION_ID}")
                .setCancelUrl("https://app.example/billing")
                .setClientReferenceId("acme")
                .putMetadata("tenant_id", "acme")
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder().putMetadata("tenant_id", "acme")
                        .putMetadata("plan", "pro").build())
                .build();
    }

    SessionCreateParams creditsCheckout(long packs) {
        return SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setCustomer(customer.getId())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(creditPack.getId()).setQuantity(packs)
                        .build())
                .setSuccessUrl("https://app.example/credits/done")
                .setCancelUrl("https://app.example/credits")
                .setClientReferenceId("acme")
                .putMetadata("tenant_id", "acme")
                .setInvoiceCreation(SessionCreateParams.InvoiceCreation.builder().setEnabled(true)
                        .setInvoiceData(SessionCreateParams.InvoiceCreation.InvoiceData.builder()
                                .putMetadata("tenant_id", "acme").build()).build())
                .build();
    }

    Session checkout(StripeClient stripe, SessionCreateParams params) throws StripeException {
        return stripe.v1().checkout().sessions().create(params);
    }
}
