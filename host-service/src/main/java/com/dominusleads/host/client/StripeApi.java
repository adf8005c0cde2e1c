package com.dominusleads.host.client;

import com.dominusleads.host.config.HostConfig;
import com.dominusleads.host.domain.BillingEvent;
import com.dominusleads.servicekit.api.ApiException;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The calls host-service makes to Stripe, through stripe-java's {@link StripeClient} pointed at the configured API
 * base (the Stripe simulator locally). stripe-java blocks, so every call runs on a worker thread. Stripe's failures
 * become {@link ApiException}s that say what to do: 502 when Stripe refused or failed, 409 when an idempotency key
 * was already used with other values, 503 when Stripe is not configured or asks to slow down. The secret key never
 * appears in an answer or a log.
 */
@ApplicationScoped
public class StripeApi {

    private static final Logger LOG = Logger.getLogger(StripeApi.class);
    /** The metadata key naming the tenant on every Stripe object made for one (a cross-check for the webhooks). */
    public static final String TENANT_METADATA = "tenant_id";

    /** A product and its price, as created for a plan or a credit pack. */
    public record CreatedPrice(String productId, String priceId) {
    }

    /** A page of Stripe's the customer is sent to (Checkout or the billing portal). */
    public record HostedPage(String sessionId, String url) {
    }

    /** What the tenant is buying in a Checkout Session. */
    public record Purchase(String tenantId, String customerId, String priceId, long quantity, String itemMetadataKey,
                           String itemCode, String successUrl, String cancelUrl) {
    }

    @FunctionalInterface
    private interface Call<T> {
        T run(StripeClient stripe) throws StripeException;
    }

    /**
     * {@code dominus.host.stripe.idempotency-prefix}: this deployment's name, the start of every idempotency key (a
     * Stripe account may serve several deployments — staging and production, two regions — whose plan codes and
     * tenant ids can coincide: without it one would get the other's customer or price back). A mapping of its own
     * rather than a {@code @ConfigProperty}: {@link HostConfig} maps {@code dominus.host.*} and refuses to start on a
     * key there that no mapping reads, and a {@code @ConfigProperty} is not a mapping.
     */
    @ConfigMapping(prefix = "dominus.host.stripe")
    public interface Idempotency {

        @WithName("idempotency-prefix")
        @WithDefault("dominus")
        String prefix();
    }

    private final StripeClient stripe;
    private final String apiKey;
    private final String idempotencyPrefix;

    public StripeApi(HostConfig config, Idempotency idempotency) {
        this.idempotencyPrefix = idempotency.prefix().strip();
        if (this.idempotencyPrefix.isEmpty() || this.idempotencyPrefix.length() > 100) {
            throw new IllegalArgumentException("dominus.host.stripe.idempotency-prefix must have 1 to 100 characters");
        }
        HostConfig.Stripe settings = config.stripe();
        this.apiKey = settings.apiKey().map(String::strip).filter(key -> !key.isEmpty()).orElse(null);
        this.stripe = apiKey == null ? null : StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(settings.apiBase())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                // Retries reuse the request's idempotency key, so a retried POST never creates twice.
                .setMaxNetworkRetries(2)
                .build();
    }

    /**
     * A product and its monthly recurring price. The idempotency keys derive from {@code keyPrefix} (e.g.
     * {@code plan-pro}, sent as {@code <deployment>-plan-pro-product}): repeating a creation that failed half-way
     * gets the same objects back from Stripe.
     */
    public Uni<CreatedPrice> createMonthlyPrice(String keyPrefix, String name, long unitAmount, String currency,
                                                Map<String, String> metadata) {
        return createPrice(keyPrefix, name, unitAmount, currency, metadata, PriceCreateParams.Recurring.builder()
                .setInterval(PriceCreateParams.Recurring.Interval.MONTH).setIntervalCount(1L).build());
    }

    /** A product and its one-off price; idempotent as {@link #createMonthlyPrice}. */
    public Uni<CreatedPrice> createOneOffPrice(String keyPrefix, String name, long unitAmount, String currency,
                                               Map<String, String> metadata) {
        return createPrice(keyPrefix, name, unitAmount, currency, metadata, null);
    }

    private Uni<CreatedPrice> createPrice(String keyPrefix, String name, long unitAmount, String currency,
                                          Map<String, String> metadata, PriceCreateParams.Recurring recurring) {
        return blocking("create the product and price of " + keyPrefix, stripe -> {
            Product product = stripe.v1().products().create(ProductCreateParams.builder().setName(name)
                    .putAllMetadata(metadata).build(), idempotent(keyPrefix + "-product"));
            PriceCreateParams.Builder price = PriceCreateParams.builder().setProduct(product.getId())
                    .setCurrency(currency).setUnitAmount(unitAmount).putAllMetadata(metadata);
            if (recurring != null) {
                price.setRecurring(recurring);
            }
            Price created = stripe.v1().prices().create(price.build(), idempotent(keyPrefix + "-price"));
            return new CreatedPrice(product.getId(), created.getId());
        });
    }

    /**
     * The tenant's customer. The idempotency key {@code <deployment>-customer-<tenant>} makes concurrent or repeated
     * first checkouts of a tenant end with one customer (within Stripe's 24 h key retention; the tenant ↔ customer row
     * is written right after, and is what counts from then on).
     */
    public Uni<String> createCustomer(String tenantId, String name, String email) {
        return blocking("create the customer of tenant " + tenantId, stripe -> stripe.v1().customers().create(
                        CustomerCreateParams.builder().setName(name).setEmail(email)
                                .setDescription("DominusLeads tenant " + tenantId)
                                .putMetadata(TENANT_METADATA, tenantId).build(),
                        idempotent("customer-" + tenantId)))
                .map(Customer::getId);
    }

    /** What every Checkout Session of a tenant's purchase says: who buys what, where the customer returns. */
    private static SessionCreateParams.Builder session(SessionCreateParams.Mode mode, Purchase purchase) {
        return SessionCreateParams.builder()
                .setMode(mode)
                .setCustomer(purchase.customerId())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(purchase.priceId())
                        .setQuantity(purchase.quantity()).build())
                .setSuccessUrl(purchase.successUrl())
                .setCancelUrl(purchase.cancelUrl())
                .setClientReferenceId(purchase.tenantId())
                .putMetadata(TENANT_METADATA, purchase.tenantId())
                .putMetadata(purchase.itemMetadataKey(), purchase.itemCode());
    }

    /** A Checkout Session subscribing the tenant to a plan's monthly price. */
    public Uni<HostedPage> subscriptionCheckout(Purchase purchase) {
        SessionCreateParams params = session(SessionCreateParams.Mode.SUBSCRIPTION, purchase)
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata(TENANT_METADATA, purchase.tenantId())
                        .putMetadata(purchase.itemMetadataKey(), purchase.itemCode()).build())
                .build();
        return checkout(purchase, params);
    }

    /**
     * A Checkout Session paying once for a credit pack. Invoice creation is on, so that the payment ends with an
     * {@code invoice.paid} event as subscriptions do: one path grants every credit.
     */
    public Uni<HostedPage> creditPackCheckout(Purchase purchase) {
        SessionCreateParams params = session(SessionCreateParams.Mode.PAYMENT, purchase)
                .setInvoiceCreation(SessionCreateParams.InvoiceCreation.builder().setEnabled(true)
                        .setInvoiceData(SessionCreateParams.InvoiceCreation.InvoiceData.builder()
                                .putMetadata(TENANT_METADATA, purchase.tenantId())
                                .putMetadata(purchase.itemMetadataKey(), purchase.itemCode()).build())
                        .build())
                .build();
        return checkout(purchase, params);
    }

    private Uni<HostedPage> checkout(Purchase purchase, SessionCreateParams params) {
        return blocking("start a checkout for tenant " + purchase.tenantId(), stripe -> {
            Session session = stripe.v1().checkout().sessions().create(params);
            return new HostedPage(session.getId(), session.getUrl());
        });
    }

    /** A billing-portal session where the customer manages payment methods, invoices and the subscription. */
    public Uni<HostedPage> portal(String customerId, String returnUrl) {
        return blocking("open the billing portal of " + customerId, stripe -> {
            com.stripe.model.billingportal.Session session = stripe.v1().billingPortal().sessions().create(
                    com.stripe.param.billingportal.SessionCreateParams.builder().setCustomer(customerId)
                            .setReturnUrl(returnUrl).build());
            return new HostedPage(session.getId(), session.getUrl());
        });
    }

    /** The subscription's current state, read back from Stripe (a Checkout's webhook names it, without its price). */
    public Uni<BillingEvent.SubscriptionChanged> subscription(String subscriptionId) {
        return blocking("read subscription " + subscriptionId, stripe -> StripeEventReader.subscription(
                stripe.v1().subscriptions().retrieve(subscriptionId), false));
    }

    /** Request options with the idempotency key {@code <deployment prefix>-<key>}. */
    private RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyPrefix + "-" + key).build();
    }

    private <T> Uni<T> blocking(String action, Call<T> call) {
        return Uni.createFrom().item(() -> {
            if (stripe == null) {
                throw new ApiException(503, "stripe_not_configured", "Stripe is not configured on this platform"
                        + " (dominus.host.stripe.api-key is not set), so host-service cannot " + action + ".");
            }
            try {
                return call.run(stripe);
            } catch (StripeException e) {
                throw failure(action, e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private ApiException failure(String action, StripeException e) {
        LOG.warnf("Stripe call failed (%s): %s, HTTP %s, code %s, request %s", action, e.getClass().getSimpleName(),
                e.getStatusCode(), e.getCode(), e.getRequestId());
        Map<String, Object> details = new LinkedHashMap<>();
        if (e.getRequestId() != null) {
            details.put("stripeRequestId", e.getRequestId());
        }
        if (e instanceof AuthenticationException || e instanceof PermissionException) {
            return new ApiException(502, "stripe_refused_key", "Stripe refused host-service's API key when asked to "
                    + action + ": the platform operator must check dominus.host.stripe.api-key.", details);
        }
        if (e instanceof IdempotencyException) {
            return new ApiException(409, "stripe_idempotency_conflict", "Stripe already received a different request"
                    + " to " + action + " (an earlier attempt with other values): repeat it with the values of the"
                    + " first attempt, or use another code.", details);
        }
        if (e instanceof RateLimitException) {
            return new ApiException(503, "stripe_rate_limited", "Stripe asks to slow down; retry in a few seconds.",
                    details, 5);
        }
        if (e instanceof ApiConnectionException) {
            return new ApiException(502, "stripe_unreachable", "Stripe could not be reached to " + action
                    + "; retry in a few seconds.", details, 10);
        }
        if (e instanceof InvalidRequestException invalid) {
            if (invalid.getStripeError() != null && invalid.getStripeError().getParam() != null) {
                details.put("param", invalid.getStripeError().getParam());
            }
            if (e.getCode() != null) {
                details.put("stripeCode", e.getCode());
            }
            String message = invalid.getStripeError() == null ? null : invalid.getStripeError().getMessage();
            return new ApiException(502, "stripe_refused_request", "Stripe refused to " + action
                    + (message == null ? "." : ": " + withoutKey(message)), details);
        }
        return new ApiException(502, "stripe_failed", "Stripe failed to " + action + " (HTTP " + e.getStatusCode()
                + "); retry later.", details);
    }

    private String withoutKey(String message) {
        return apiKey == null ? message : message.replace(apiKey, "****");
    }
}
