package com.dominusleads.stripesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulated Stripe account: every object created through the API or by a simulated customer action, kept as the
 * JSON Stripe would answer for it (API version {@link Stripe#API_VERSION}), and the events those actions raise.
 * Operations are atomic (synchronized); delivering the events they return is the caller's business, outside the lock,
 * so a receiver may call the API back while it handles a webhook.
 * <p>
 * Field names and nesting follow the version stripe-java 33 reads: an invoice names its subscription under
 * {@code parent.subscription_details.subscription}, a line item its price under
 * {@code pricing.price_details.price}, and billing periods live on subscription items
 * ({@code items.data[].current_period_end}), not on the subscription.
 */
final class Billing {

    /** What a simulated action did: the ids it created or changed, and the events it raised, in order. */
    record Effects(ObjectNode ids, List<ObjectNode> events) {
    }

    private record LineItem(String price, long quantity) {
    }

    /** What a Checkout Session will do once paid, beyond what its JSON shows. */
    private record SessionTerms(List<LineItem> items, ObjectNode subscriptionMetadata, ObjectNode invoiceMetadata) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Set<String> SUBSCRIPTION_STATUSES = Set.of("incomplete", "incomplete_expired", "trialing",
            "active", "past_due", "canceled", "unpaid", "paused");
    private static final long RETRY_AFTER_SECONDS = 3 * 24 * 3600;

    private final URI baseUri;
    private final Clock clock;
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    private final Map<String, SessionTerms> sessionTerms = new LinkedHashMap<>();
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();

    Billing(URI baseUri, Clock clock) {
        this.baseUri = baseUri;
        this.clock = clock;
    }

    synchronized void clear() {
        objects.clear();
        sessionTerms.clear();
        events.clear();
    }

    // ---------------------------------------------------------------- API: create and read

    synchronized ObjectNode createCustomer(JsonNode params) {
        ObjectNode customer = object("cus_", "customer");
        customer.putNull("address");
        customer.put("balance", 0);
        customer.putNull("currency");
        customer.putNull("default_source");
        customer.put("delinquent", false);
        customer.put("description", text(params, "description"));
        customer.putNull("discount");
        customer.put("email", text(params, "email"));
        customer.put("invoice_prefix", randomId("", 8).toUpperCase(Locale.ROOT));
        ObjectNode settings = customer.putObject("invoice_settings");
        settings.putNull("custom_fields");
        settings.putNull("default_payment_method");
        settings.putNull("footer");
        settings.putNull("rendering_options");
        customer.set("metadata", metadata(params, "metadata"));
        customer.put("name", text(params, "name"));
        customer.put("next_invoice_sequence", 1);
        customer.put("phone", text(params, "phone"));
        customer.putArray("preferred_locales");
        customer.putNull("shipping");
        customer.put("tax_exempt", "none");
        customer.putNull("test_clock");
        return store(customer);
    }

    synchronized ObjectNode createProduct(JsonNode params) {
        return store(product(params, ""));
    }

    private ObjectNode product(JsonNode params, String prefix) {
        String name = text(params, "name");
        if (name == null || name.isBlank()) {
            throw StripeProblem.required(prefix.isEmpty() ? "name" : prefix + "[name]");
        }
        ObjectNode product = object("prod_", "product");
        product.put("active", bool(params, "active", true));
        product.putNull("default_price");
        product.put("description", text(params, "description"));
        product.putArray("images");
        product.put("livemode", false);
        product.putArray("marketing_features");
        product.set("metadata", metadata(params, prefix.isEmpty() ? "metadata" : prefix + "[metadata]"));
        product.put("name", name);
        product.putNull("package_dimensions");
        product.putNull("shippable");
        product.putNull("statement_descriptor");
        product.putNull("tax_code");
        product.put("type", "service");
        product.putNull("unit_label");
        product.put("updated", product.get("created").asLong());
        product.putNull("url");
        return product;
    }

    synchronized ObjectNode createPrice(JsonNode params) {
        return price(params, "");
    }

    /** A price from {@code params} (a price create call, or {@code line_items[i][price_data]} under {@code at}). */
    private ObjectNode price(JsonNode params, String at) {
        String currency = currency(params, name(at, "currency"));
        String productId = text(params, "product");
        if (productId == null) {
            JsonNode data = params.path("product_data");
            if (!data.isObject()) {
                throw StripeProblem.required(name(at, "product"));
            }
            productId = store(product(data, name(at, "product_data"))).get("id").asText();
        } else {
            find("product", productId, name(at, "product"));
        }
        Long unitAmount = integer(params, "unit_amount", name(at, "unit_amount"));
        if (unitAmount == null) {
            throw StripeProblem.required(name(at, "unit_amount"));
        }
        if (unitAmount < 0) {
            throw StripeProblem.invalid(name(at, "unit_amount"), "This value must be greater than or equal to 0.");
        }
        String lookupKey = at.isEmpty() ? text(params, "lookup_key") : null;
        if (lookupKey != null) {
            for (ObjectNode other : objects.values()) {
                if ("price".equals(other.path("object").asText()) && lookupKey.equals(other.path("lookup_key").asText(null))) {
                    if (!bool(params, "transfer_lookup_key", false)) {
                        throw StripeProblem.invalid("lookup_key", "A price (`" + other.get("id").asText()
                                + "`) already uses that lookup key.");
                    }
                    other.putNull("lookup_key");
                }
            }
        }
        ObjectNode price = object("price_", "price");
        price.put("active", bool(params, "active", true));
        price.put("billing_scheme", "per_unit");
        price.put("currency", currency);
        price.putNull("custom_unit_amount");
        price.put("lookup_key", lookupKey);
        price.set("metadata", metadata(params, name(at, "metadata")));
        price.put("nickname", text(params, "nickname"));
        price.put("product", productId);
        JsonNode recurring = params.path("recurring");
        if (recurring.isObject()) {
            String interval = text(recurring, "interval");
            if (interval == null) {
                throw StripeProblem.required(name(at, "recurring") + "[interval]");
            }
            if (!Set.of("day", "week", "month", "year").contains(interval)) {
                throw StripeProblem.invalid(name(at, "recurring") + "[interval]", "Invalid recurring[interval]: must be"
                        + " one of day, week, month, or year");
            }
            Long count = integer(recurring, "interval_count", name(at, "recurring") + "[interval_count]");
            if (count != null && count < 1) {
                throw StripeProblem.invalid(name(at, "recurring") + "[interval_count]",
                        "This value must be greater than or equal to 1.");
            }
            ObjectNode r = price.putObject("recurring");
            r.put("interval", interval);
            r.put("interval_count", count == null ? 1 : count);
            r.putNull("meter");
            r.putNull("trial_period_days");
            r.put("usage_type", "licensed");
            price.put("type", "recurring");
        } else {
            price.putNull("recurring");
            price.put("type", "one_time");
        }
        price.put("tax_behavior", "unspecified");
        price.putNull("tiers_mode");
        price.putNull("transform_quantity");
        price.put("unit_amount", unitAmount);
        price.put("unit_amount_decimal", String.valueOf(unitAmount));
        return store(price);
    }

    /** {@code GET /v1/prices}: filtered by {@code lookup_keys[]}, {@code product}, {@code active}, {@code type}. */
    synchronized ObjectNode listPrices(JsonNode params) {
        List<String> lookupKeys = new ArrayList<>();
        params.path("lookup_keys").forEach(k -> lookupKeys.add(k.asText()));
        String product = text(params, "product");
        String type = text(params, "type");
        String active = text(params, "active");
        Long limit = integer(params, "limit", "limit");
        ObjectNode list = NODES.objectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        List<ObjectNode> prices = new ArrayList<>(objects.values().stream()
                .filter(o -> "price".equals(o.path("object").asText()))
                .filter(o -> lookupKeys.isEmpty() || lookupKeys.contains(o.path("lookup_key").asText(null)))
                .filter(o -> product == null || product.equals(o.path("product").asText()))
                .filter(o -> type == null || type.equals(o.path("type").asText()))
                .filter(o -> active == null || active.equals(o.path("active").asText()))
                .toList()).reversed(); // newest first, as Stripe lists
        int max = limit == null ? 10 : (int) Math.max(1, Math.min(100, limit));
        prices.stream().limit(max).forEach(p -> data.add(p.deepCopy()));
        list.put("has_more", prices.size() > max);
        list.put("url", "/v1/prices");
        return list;
    }

    synchronized ObjectNode createCheckoutSession(JsonNode params) {
        String mode = text(params, "mode");
        if (mode == null) {
            throw StripeProblem.required("mode");
        }
        if (!mode.equals("payment") && !mode.equals("subscription")) {
            throw StripeProblem.invalid("mode", mode.equals("setup")
                    ? "The simulator does not support `setup` mode; use `payment` or `subscription`."
                    : "Invalid mode: must be one of payment, setup, or subscription");
        }
        String customer = text(params, "customer");
        if (customer != null) {
            find("customer", customer, "customer");
        }
        String customerEmail = text(params, "customer_email");
        if (customer != null && customerEmail != null) {
            throw StripeProblem.invalid("customer_email", "You may only specify one of these parameters: customer,"
                    + " customer_email.");
        }
        JsonNode lines = params.path("line_items");
        if (!lines.isArray() || lines.isEmpty()) {
            throw StripeProblem.required("line_items");
        }
        List<LineItem> items = new ArrayList<>();
        String currency = null;
        String interval = null;
        boolean anyRecurring = false;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String at = "line_items[" + i + "]";
            String priceId = text(line, "price");
            ObjectNode price;
            if (priceId != null) {
                price = find("price", priceId, at + "[price]");
                if (!price.path("active").asBoolean()) {
                    throw StripeProblem.invalid(at + "[price]", "The price specified is inactive. This field only"
                            + " accepts active prices.");
                }
            } else if (line.path("price_data").isObject()) {
                // an ad-hoc price: Stripe creates it inactive, so it is never offered again
                priceId = price(line.path("price_data"), at + "[price_data]").get("id").asText();
                price = objects.get(priceId);
                price.put("active", false);
            } else {
                throw StripeProblem.required(at + "[price]");
            }
            Long quantity = integer(line, "quantity", at + "[quantity]");
            if (quantity == null) {
                quantity = 1L;
            }
            if (quantity < 1) {
                throw StripeProblem.invalid(at + "[quantity]", "This value must be greater than or equal to 1.");
            }
            boolean recurring = "recurring".equals(price.path("type").asText());
            if (recurring && mode.equals("payment")) {
                throw StripeProblem.invalid(at + "[price]", "You specified `payment` mode but passed a recurring price."
                        + " Either switch to `subscription` mode or use only one-time prices.");
            }
            if (recurring) {
                String every = price.at("/recurring/interval").asText() + "/" + price.at("/recurring/interval_count");
                if (interval != null && !interval.equals(every)) {
                    throw StripeProblem.invalid(at + "[price]", "Checkout does not support multiple prices with"
                            + " different billing intervals.");
                }
                interval = every;
                anyRecurring = true;
            }
            String priceCurrency = price.path("currency").asText();
            if (currency != null && !currency.equals(priceCurrency)) {
                throw StripeProblem.invalid(at + "[price]", "All prices on a Checkout Session must have the same"
                        + " currency (" + currency + ", not " + priceCurrency + ").");
            }
            currency = priceCurrency;
            items.add(new LineItem(priceId, quantity));
        }
        if (mode.equals("subscription") && !anyRecurring) {
            throw StripeProblem.invalid("line_items", "You must provide at least one recurring price in"
                    + " `subscription` mode when using prices.");
        }
        JsonNode subscriptionData = params.path("subscription_data");
        if (!subscriptionData.isMissingNode() && mode.equals("payment")) {
            throw StripeProblem.invalid("subscription_data", "You can not pass `subscription_data` in `payment` mode.");
        }
        JsonNode invoiceCreation = params.path("invoice_creation");
        if (!invoiceCreation.isMissingNode() && mode.equals("subscription")) {
            throw StripeProblem.invalid("invoice_creation", "`invoice_creation` can only be used in `payment` mode.");
        }
        boolean invoiceEnabled = bool(invoiceCreation, "enabled", false);
        ObjectNode invoiceMetadata = metadata(invoiceCreation.path("invoice_data"),
                "invoice_creation[invoice_data][metadata]");

        ObjectNode session = object("cs_test_", "checkout.session");
        String id = session.get("id").asText();
        long total = 0;
        for (LineItem item : items) {
            total += objects.get(item.price()).get("unit_amount").asLong() * item.quantity();
        }
        session.putNull("after_expiration");
        session.putNull("allow_promotion_codes");
        session.put("amount_subtotal", total);
        session.put("amount_total", total);
        session.put("billing_address_collection", text(params, "billing_address_collection"));
        session.put("cancel_url", text(params, "cancel_url"));
        session.put("client_reference_id", text(params, "client_reference_id"));
        session.putNull("client_secret");
        session.put("currency", currency);
        session.put("customer", customer);
        session.put("customer_creation", customer == null && mode.equals("payment") ? "if_required" : null);
        session.putNull("customer_details");
        session.put("customer_email", customerEmail);
        session.put("expires_at", session.get("created").asLong() + 24 * 3600);
        session.putNull("invoice");
        if (mode.equals("payment")) {
            ObjectNode creation = session.putObject("invoice_creation");
            creation.put("enabled", invoiceEnabled);
            ObjectNode data = creation.putObject("invoice_data");
            data.putArray("account_tax_ids");
            data.putNull("custom_fields");
            data.put("description", text(invoiceCreation.path("invoice_data"), "description"));
            data.putNull("footer");
            data.putNull("issuer");
            data.set("metadata", invoiceMetadata.deepCopy());
            data.putNull("rendering_options");
        } else {
            session.putNull("invoice_creation");
        }
        session.put("locale", text(params, "locale"));
        session.set("metadata", metadata(params, "metadata"));
        session.put("mode", mode);
        session.putNull("payment_intent");
        session.putNull("payment_link");
        session.put("payment_method_collection", mode.equals("subscription") ? "always" : null);
        session.putArray("payment_method_types").add("card");
        session.put("payment_status", "unpaid");
        session.put("status", "open");
        session.putNull("submit_type");
        session.putNull("subscription");
        session.put("success_url", text(params, "success_url"));
        ObjectNode totals = session.putObject("total_details");
        totals.put("amount_discount", 0);
        totals.put("amount_shipping", 0);
        totals.put("amount_tax", 0);
        session.put("ui_mode", "hosted");
        session.put("url", baseUri + "/checkout/" + id);
        sessionTerms.put(id, new SessionTerms(List.copyOf(items),
                metadata(subscriptionData, "subscription_data[metadata]"), invoiceEnabled ? invoiceMetadata : null));
        return store(session);
    }

    /** The session's line items as Stripe lists them ({@code expand[]=line_items}). */
    synchronized ObjectNode sessionLineItems(String sessionId) {
        SessionTerms terms = sessionTerms.get(sessionId);
        ObjectNode list = NODES.objectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        if (terms != null) {
            for (LineItem item : terms.items()) {
                ObjectNode price = objects.get(item.price());
                long amount = price.get("unit_amount").asLong() * item.quantity();
                ObjectNode line = data.addObject();
                line.put("id", "li_" + randomId("", 24));
                line.put("object", "item");
                line.put("amount_discount", 0);
                line.put("amount_subtotal", amount);
                line.put("amount_tax", 0);
                line.put("amount_total", amount);
                line.put("currency", price.get("currency").asText());
                line.put("description", objects.get(price.get("product").asText()).get("name").asText());
                line.set("price", price.deepCopy());
                line.put("quantity", item.quantity());
            }
        }
        list.put("has_more", false);
        list.put("url", "/v1/checkout/sessions/" + sessionId + "/line_items");
        return list;
    }

    synchronized ObjectNode createPortalSession(JsonNode params) {
        String customer = text(params, "customer");
        if (customer == null) {
            throw StripeProblem.required("customer");
        }
        find("customer", customer, "customer");
        ObjectNode session = object("bps_", "billing_portal.session");
        session.put("configuration", text(params, "configuration") == null ? "bpc_simulated"
                : text(params, "configuration"));
        session.put("customer", customer);
        session.putNull("flow");
        session.put("locale", text(params, "locale"));
        session.putNull("on_behalf_of");
        session.put("return_url", text(params, "return_url"));
        session.put("url", baseUri + "/billing_portal/" + session.get("id").asText());
        return store(session);
    }

    /** A copy of the object {@code id} of type {@code object} (e.g. {@code "price"}); 404 when there is none. */
    synchronized ObjectNode retrieve(String object, String id) {
        return find(object, id, null).deepCopy();
    }

    synchronized ObjectNode event(String id) {
        ObjectNode event = events.get(id);
        if (event == null) {
            throw StripeProblem.missing("event", id, null);
        }
        return event.deepCopy();
    }

    synchronized List<ObjectNode> events() {
        return events.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** The subscriptions of a customer, newest first (for the portal page). */
    synchronized List<ObjectNode> subscriptionsOf(String customer) {
        return objects.values().stream().filter(o -> "subscription".equals(o.path("object").asText())
                && customer.equals(o.path("customer").asText())).map(ObjectNode::deepCopy).toList().reversed();
    }

    // ---------------------------------------------------------------- simulated customer actions

    /** The customer pays a Checkout Session. */
    synchronized Effects completeCheckout(String sessionId) {
        ObjectNode session = find("checkout.session", sessionId, null);
        if (!"open".equals(session.path("status").asText())) {
            throw StripeProblem.state("This Checkout Session is no longer open (status: "
                    + session.path("status").asText() + ").");
        }
        SessionTerms terms = sessionTerms.get(sessionId);
        String mode = session.get("mode").asText();
        ObjectNode ids = NODES.objectNode();
        ids.put("checkout_session", sessionId);
        String customerId = session.path("customer").asText(null);
        if (customerId == null && (mode.equals("subscription") || terms.invoiceMetadata() != null)) {
            ObjectNode params = NODES.objectNode();
            params.put("email", session.path("customer_email").asText(null));
            customerId = createCustomer(params).get("id").asText();
        }
        ObjectNode customer = customerId == null ? null : objects.get(customerId);
        ObjectNode subscription = null;
        ObjectNode invoice = null;
        if (mode.equals("subscription")) {
            subscription = subscription(customerId, terms);
            invoice = invoice(customerId, session.get("currency").asText(), terms.items(), subscription,
                    NODES.objectNode(), "subscription_create", true);
            subscription.put("latest_invoice", invoice.get("id").asText());
            session.put("subscription", subscription.get("id").asText());
        } else {
            session.put("payment_intent", "pi_" + randomId("", 24));
            if (terms.invoiceMetadata() != null) {
                invoice = invoice(customerId, session.get("currency").asText(), terms.items(), null,
                        terms.invoiceMetadata(), "manual", true);
                session.put("invoice", invoice.get("id").asText());
            }
        }
        session.put("customer", customerId);
        ObjectNode details = session.putObject("customer_details");
        details.putNull("address");
        details.putNull("business_name");
        details.put("email", customer == null ? session.path("customer_email").asText(null)
                : customer.path("email").asText(null));
        details.putNull("individual_name");
        details.put("name", customer == null ? null : customer.path("name").asText(null));
        details.putNull("phone");
        details.put("tax_exempt", "none");
        details.putArray("tax_ids");
        session.put("status", "complete");
        session.put("payment_status", "paid");

        List<ObjectNode> raised = new ArrayList<>();
        raised.add(raise("checkout.session.completed", session, null));
        if (customerId != null) {
            ids.put("customer", customerId);
        }
        if (subscription != null) {
            ids.put("subscription", subscription.get("id").asText());
            raised.add(raise("customer.subscription.created", subscription, null));
        }
        if (invoice != null) {
            ids.put("invoice", invoice.get("id").asText());
            raised.add(raise("invoice.paid", invoice, null));
        }
        if (session.hasNonNull("payment_intent")) {
            ids.put("payment_intent", session.get("payment_intent").asText());
        }
        return new Effects(ids, raised);
    }

    /**
     * The subscription's payment goes through: an open invoice left by a failed payment is paid (as Stripe's retry
     * would), otherwise the next period is billed and paid. A past-due subscription becomes active again.
     */
    synchronized Effects renew(String subscriptionId) {
        ObjectNode subscription = live(subscriptionId);
        ObjectNode ids = NODES.objectNode();
        ids.put("subscription", subscriptionId);
        List<ObjectNode> raised = new ArrayList<>();
        ObjectNode open = openInvoice(subscription);
        ObjectNode invoice;
        if (open != null) {
            invoice = open;
            long now = now();
            invoice.put("amount_paid", invoice.get("amount_due").asLong());
            invoice.put("amount_remaining", 0);
            invoice.put("attempt_count", invoice.get("attempt_count").asLong() + 1);
            invoice.putNull("next_payment_attempt");
            invoice.put("status", "paid");
            ((ObjectNode) invoice.get("status_transitions")).put("paid_at", now);
        } else {
            advancePeriod(subscription);
            invoice = invoice(subscription.get("customer").asText(), subscription.get("currency").asText(),
                    recurringItems(subscription), subscription, NODES.objectNode(), "subscription_cycle", true);
        }
        subscription.put("latest_invoice", invoice.get("id").asText());
        ids.put("invoice", invoice.get("id").asText());
        raised.add(raise("invoice.paid", invoice, null));
        String previous = subscription.get("status").asText();
        if (!previous.equals("active")) {
            subscription.put("status", "active");
            ObjectNode before = NODES.objectNode().put("status", previous);
            raised.add(raise("customer.subscription.updated", subscription, before));
        }
        return new Effects(ids, raised);
    }

    /**
     * The subscription's renewal payment fails: the next period is billed on an open invoice and the subscription
     * goes past due. Failing again retries the same open invoice.
     */
    synchronized Effects failPayment(String subscriptionId) {
        ObjectNode subscription = live(subscriptionId);
        ObjectNode ids = NODES.objectNode();
        ids.put("subscription", subscriptionId);
        ObjectNode invoice = openInvoice(subscription);
        if (invoice != null) {
            invoice.put("attempt_count", invoice.get("attempt_count").asLong() + 1);
            invoice.put("next_payment_attempt", now() + RETRY_AFTER_SECONDS);
        } else {
            advancePeriod(subscription);
            invoice = invoice(subscription.get("customer").asText(), subscription.get("currency").asText(),
                    recurringItems(subscription), subscription, NODES.objectNode(), "subscription_cycle", false);
            subscription.put("latest_invoice", invoice.get("id").asText());
        }
        ids.put("invoice", invoice.get("id").asText());
        List<ObjectNode> raised = new ArrayList<>();
        raised.add(raise("invoice.payment_failed", invoice, null));
        String previous = subscription.get("status").asText();
        if (!previous.equals("past_due")) {
            subscription.put("status", "past_due");
            raised.add(raise("customer.subscription.updated", subscription, NODES.objectNode().put("status", previous)));
        }
        return new Effects(ids, raised);
    }

    /** The subscription ends now (the customer cancelled, or the API deleted it). */
    synchronized Effects cancel(String subscriptionId) {
        ObjectNode subscription = live(subscriptionId);
        long now = now();
        subscription.put("status", "canceled");
        subscription.put("canceled_at", now);
        subscription.put("ended_at", now);
        subscription.putNull("cancel_at");
        ObjectNode details = subscription.putObject("cancellation_details");
        details.putNull("comment");
        details.putNull("feedback");
        details.put("reason", "cancellation_requested");
        ObjectNode ids = NODES.objectNode().put("subscription", subscriptionId);
        return new Effects(ids, List.of(raise("customer.subscription.deleted", subscription, null)));
    }

    /** Changes a subscription's status, price, quantity or metadata ({@code {"status":…, "price":…}}). */
    synchronized Effects update(String subscriptionId, JsonNode changes) {
        ObjectNode subscription = find("subscription", subscriptionId, null);
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            throw StripeProblem.invalid("body", "Give at least one of status, price, quantity, metadata.");
        }
        ObjectNode before = NODES.objectNode();
        String status = text(changes, "status");
        if (status != null) {
            if (!SUBSCRIPTION_STATUSES.contains(status)) {
                throw StripeProblem.invalid("status", "Invalid status: must be one of " + SUBSCRIPTION_STATUSES);
            }
            if (!status.equals(subscription.get("status").asText())) {
                before.put("status", subscription.get("status").asText());
                subscription.put("status", status);
            }
        }
        String priceId = text(changes, "price");
        Long quantity = changes.hasNonNull("quantity") ? changes.get("quantity").asLong() : null;
        if (priceId != null || quantity != null) {
            ObjectNode item = (ObjectNode) subscription.at("/items/data/0");
            ObjectNode oldItems = subscription.get("items").deepCopy();
            boolean changed = false;
            if (priceId != null && !priceId.equals(item.at("/price/id").asText())) {
                ObjectNode price = find("price", priceId, "price");
                if (!"recurring".equals(price.path("type").asText())) {
                    throw StripeProblem.invalid("price", "The price specified is set to `type=one_time` but this field"
                            + " only accepts prices with `type=recurring`.");
                }
                item.set("price", price.deepCopy());
                changed = true;
            }
            if (quantity != null && quantity != item.path("quantity").asLong()) {
                if (quantity < 1) {
                    throw StripeProblem.invalid("quantity", "This value must be greater than or equal to 1.");
                }
                item.put("quantity", quantity);
                changed = true;
            }
            if (changed) {
                before.set("items", oldItems);
            }
        }
        if (changes.path("metadata").isObject()) {
            ObjectNode metadata = (ObjectNode) subscription.get("metadata");
            before.set("metadata", metadata.deepCopy());
            changes.get("metadata").properties().forEach(e -> {
                if (e.getValue().isNull() || e.getValue().asText().isEmpty()) {
                    metadata.remove(e.getKey());
                } else {
                    metadata.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        ObjectNode ids = NODES.objectNode().put("subscription", subscriptionId);
        return new Effects(ids, List.of(raise("customer.subscription.updated", subscription, before)));
    }

    /**
     * A paid invoice outside Checkout ({@code {"customer":…, "lines":[{"price":…, "quantity":…}], "metadata":{…},
     * "subscription":…}}), e.g. a one-off credit purchase charged to the saved card.
     */
    synchronized Effects invoice(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw StripeProblem.invalid("body", "A JSON object is required, e.g. {\"customer\":\"cus_…\",\"lines\":"
                    + "[{\"price\":\"price_…\",\"quantity\":1}]}");
        }
        String customer = text(body, "customer");
        if (customer == null) {
            throw StripeProblem.required("customer");
        }
        find("customer", customer, "customer");
        JsonNode lines = body.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            throw StripeProblem.required("lines");
        }
        List<LineItem> items = new ArrayList<>();
        String currency = null;
        for (int i = 0; i < lines.size(); i++) {
            String priceId = text(lines.get(i), "price");
            if (priceId == null) {
                throw StripeProblem.required("lines[" + i + "][price]");
            }
            ObjectNode price = find("price", priceId, "lines[" + i + "][price]");
            long quantity = lines.get(i).path("quantity").asLong(1);
            if (quantity < 1) {
                throw StripeProblem.invalid("lines[" + i + "][quantity]", "This value must be greater than or equal"
                        + " to 1.");
            }
            if (currency != null && !currency.equals(price.get("currency").asText())) {
                throw StripeProblem.invalid("lines[" + i + "][price]", "All lines of an invoice must have the same"
                        + " currency.");
            }
            currency = price.get("currency").asText();
            items.add(new LineItem(priceId, quantity));
        }
        String subscriptionId = text(body, "subscription");
        ObjectNode subscription = subscriptionId == null ? null : find("subscription", subscriptionId, "subscription");
        ObjectNode invoice = invoice(customer, currency, items, subscription, metadata(body, "metadata"), "manual",
                true);
        ObjectNode ids = NODES.objectNode().put("invoice", invoice.get("id").asText()).put("customer", customer);
        return new Effects(ids, List.of(raise("invoice.paid", invoice, null)));
    }

    // ---------------------------------------------------------------- building objects

    private ObjectNode subscription(String customerId, SessionTerms terms) {
        ObjectNode subscription = object("sub_", "subscription");
        String id = subscription.get("id").asText();
        long now = subscription.get("created").asLong();
        ObjectNode firstPrice = null;
        ArrayNode data = NODES.arrayNode();
        for (LineItem item : terms.items()) {
            ObjectNode price = objects.get(item.price());
            if (!"recurring".equals(price.path("type").asText())) {
                continue; // one-off items are billed once, on the first invoice only
            }
            if (firstPrice == null) {
                firstPrice = price;
            }
            ObjectNode si = data.addObject();
            si.put("id", randomId("si_", 14));
            si.put("object", "subscription_item");
            si.putNull("billing_thresholds");
            si.put("created", now);
            si.put("current_period_end", periodEnd(now, price));
            si.put("current_period_start", now);
            si.putArray("discounts");
            si.putObject("metadata");
            si.set("price", price.deepCopy());
            si.put("quantity", item.quantity());
            si.put("subscription", id);
            si.putArray("tax_rates");
        }
        subscription.putNull("application");
        subscription.putNull("application_fee_percent");
        subscription.putObject("automatic_tax").put("enabled", false);
        subscription.put("billing_cycle_anchor", now);
        subscription.putNull("cancel_at");
        subscription.put("cancel_at_period_end", false);
        subscription.putNull("canceled_at");
        ObjectNode cancellation = subscription.putObject("cancellation_details");
        cancellation.putNull("comment");
        cancellation.putNull("feedback");
        cancellation.putNull("reason");
        subscription.put("collection_method", "charge_automatically");
        subscription.put("currency", firstPrice.get("currency").asText());
        subscription.put("customer", customerId);
        subscription.putNull("days_until_due");
        subscription.putNull("default_payment_method");
        subscription.putNull("description");
        subscription.putArray("discounts");
        subscription.putNull("ended_at");
        ObjectNode items = subscription.putObject("items");
        items.put("object", "list");
        items.set("data", data);
        items.put("has_more", false);
        items.put("url", "/v1/subscription_items?subscription=" + id);
        subscription.putNull("latest_invoice");
        subscription.set("metadata", terms.subscriptionMetadata().deepCopy());
        subscription.putNull("pause_collection");
        subscription.putNull("schedule");
        subscription.put("start_date", now);
        subscription.put("status", "active");
        subscription.putNull("test_clock");
        subscription.putNull("trial_end");
        subscription.putNull("trial_start");
        return keep(subscription);
    }

    private ObjectNode invoice(String customerId, String currency, List<LineItem> items, ObjectNode subscription,
                               ObjectNode metadata, String billingReason, boolean paid) {
        ObjectNode invoice = object("in_", "invoice");
        String id = invoice.get("id").asText();
        long now = invoice.get("created").asLong();
        ObjectNode customer = objects.get(customerId);
        String subscriptionId = subscription == null ? null : subscription.get("id").asText();
        Map<String, ObjectNode> subscriptionItems = new LinkedHashMap<>();
        if (subscription != null) {
            subscription.at("/items/data").forEach(si -> subscriptionItems.put(si.at("/price/id").asText(),
                    (ObjectNode) si));
        }
        long periodStart = now;
        long periodEnd = now;
        ArrayNode data = NODES.arrayNode();
        long total = 0;
        for (LineItem item : items) {
            ObjectNode price = objects.get(item.price());
            long unit = price.get("unit_amount").asLong();
            long amount = unit * item.quantity();
            total += amount;
            ObjectNode subscriptionItem = subscriptionItems.get(item.price());
            ObjectNode line = data.addObject();
            line.put("id", randomId("il_", 24));
            line.put("object", "line_item");
            line.put("amount", amount);
            line.put("currency", currency);
            line.put("description", item.quantity() + " × " + objects.get(price.get("product").asText()).get("name")
                    .asText() + (price.path("recurring").isObject() ? " (per " + price.at("/recurring/interval")
                    .asText() + ")" : ""));
            line.putArray("discount_amounts");
            line.put("discountable", true);
            line.putArray("discounts");
            line.put("invoice", id);
            line.put("livemode", false);
            line.putObject("metadata");
            ObjectNode parent = line.putObject("parent");
            if (subscriptionItem != null) {
                parent.putNull("invoice_item_details");
                ObjectNode details = parent.putObject("subscription_item_details");
                details.putNull("invoice_item");
                details.put("proration", false);
                details.putObject("proration_details").putNull("credited_items");
                details.put("subscription", subscriptionId);
                details.put("subscription_item", subscriptionItem.get("id").asText());
                parent.put("type", "subscription_item_details");
            } else {
                ObjectNode details = parent.putObject("invoice_item_details");
                details.put("invoice_item", randomId("ii_", 24));
                details.put("proration", false);
                details.putObject("proration_details").putNull("credited_items");
                details.put("subscription", subscriptionId);
                parent.putNull("subscription_item_details");
                parent.put("type", "invoice_item_details");
            }
            ObjectNode period = line.putObject("period");
            if (subscriptionItem != null) {
                long start = subscriptionItem.get("current_period_start").asLong();
                long end = subscriptionItem.get("current_period_end").asLong();
                period.put("end", end);
                period.put("start", start);
                periodStart = start;
                periodEnd = end;
            } else {
                period.put("end", now);
                period.put("start", now);
            }
            line.putArray("pretax_credit_amounts");
            ObjectNode pricing = line.putObject("pricing");
            ObjectNode priceDetails = pricing.putObject("price_details");
            priceDetails.put("price", item.price());
            priceDetails.put("product", price.get("product").asText());
            pricing.put("type", "price_details");
            pricing.put("unit_amount_decimal", String.valueOf(unit));
            line.put("quantity", item.quantity());
            line.put("subtotal", amount);
            line.putArray("taxes");
        }
        invoice.put("account_country", "BR");
        invoice.put("account_name", "DominusLeads (Stripe simulator)");
        invoice.put("amount_due", total);
        invoice.put("amount_overpaid", 0);
        invoice.put("amount_paid", paid ? total : 0);
        invoice.put("amount_remaining", paid ? 0 : total);
        invoice.put("amount_shipping", 0);
        invoice.put("attempt_count", 1);
        invoice.put("attempted", true);
        invoice.put("auto_advance", !paid);
        invoice.putObject("automatic_tax").put("enabled", false);
        invoice.put("billing_reason", billingReason);
        invoice.put("collection_method", "charge_automatically");
        invoice.put("currency", currency);
        invoice.put("customer", customerId);
        invoice.put("customer_email", customer == null ? null : customer.path("email").asText(null));
        invoice.put("customer_name", customer == null ? null : customer.path("name").asText(null));
        invoice.putNull("default_payment_method");
        invoice.putNull("description");
        invoice.putArray("discounts");
        invoice.putNull("due_date");
        invoice.put("effective_at", now);
        invoice.put("ending_balance", 0);
        invoice.putNull("footer");
        invoice.put("hosted_invoice_url", baseUri + "/invoices/" + id);
        invoice.putNull("invoice_pdf");
        invoice.putObject("issuer").put("type", "self");
        invoice.putNull("last_finalization_error");
        ObjectNode lines = invoice.putObject("lines");
        lines.put("object", "list");
        lines.set("data", data);
        lines.put("has_more", false);
        lines.put("url", "/v1/invoices/" + id + "/lines");
        invoice.set("metadata", metadata.deepCopy());
        invoice.put("next_payment_attempt", paid ? null : now + RETRY_AFTER_SECONDS);
        invoice.put("number", number(customer));
        if (subscription != null) {
            ObjectNode parent = invoice.putObject("parent");
            parent.putNull("quote_details");
            ObjectNode details = parent.putObject("subscription_details");
            details.set("metadata", subscription.get("metadata").deepCopy());
            details.put("subscription", subscriptionId);
            parent.put("type", "subscription_details");
        } else {
            invoice.putNull("parent");
        }
        invoice.put("period_end", periodEnd);
        invoice.put("period_start", periodStart);
        invoice.put("post_payment_credit_notes_amount", 0);
        invoice.put("pre_payment_credit_notes_amount", 0);
        invoice.putNull("receipt_number");
        invoice.put("starting_balance", 0);
        invoice.putNull("statement_descriptor");
        invoice.put("status", paid ? "paid" : "open");
        ObjectNode transitions = invoice.putObject("status_transitions");
        transitions.put("finalized_at", now);
        transitions.putNull("marked_uncollectible_at");
        transitions.put("paid_at", paid ? now : null);
        transitions.putNull("voided_at");
        invoice.put("subtotal", total);
        invoice.put("subtotal_excluding_tax", total);
        invoice.put("total", total);
        invoice.putArray("total_discount_amounts");
        invoice.put("total_excluding_tax", total);
        invoice.putArray("total_pretax_credit_amounts");
        invoice.putArray("total_taxes");
        invoice.put("webhooks_delivered_at", now);
        return keep(invoice);
    }

    private String number(ObjectNode customer) {
        if (customer == null) {
            return null;
        }
        long sequence = customer.path("next_invoice_sequence").asLong(1);
        customer.put("next_invoice_sequence", sequence + 1);
        return customer.get("invoice_prefix").asText() + "-" + String.format(Locale.ROOT, "%04d", sequence);
    }

    private List<LineItem> recurringItems(ObjectNode subscription) {
        List<LineItem> items = new ArrayList<>();
        subscription.at("/items/data").forEach(si -> items.add(new LineItem(si.at("/price/id").asText(),
                si.path("quantity").asLong(1))));
        return items;
    }

    private void advancePeriod(ObjectNode subscription) {
        subscription.at("/items/data").forEach(node -> {
            ObjectNode si = (ObjectNode) node;
            long start = si.get("current_period_end").asLong();
            si.put("current_period_start", start);
            si.put("current_period_end", periodEnd(start, (ObjectNode) si.get("price")));
        });
    }

    private ObjectNode openInvoice(ObjectNode subscription) {
        String latest = subscription.path("latest_invoice").asText(null);
        ObjectNode invoice = latest == null ? null : objects.get(latest);
        return invoice != null && "open".equals(invoice.path("status").asText()) ? invoice : null;
    }

    private ObjectNode live(String subscriptionId) {
        ObjectNode subscription = find("subscription", subscriptionId, null);
        String status = subscription.path("status").asText();
        if (status.equals("canceled") || status.equals("incomplete_expired")) {
            throw StripeProblem.state("This subscription is " + status + " and can no longer be billed or changed.");
        }
        return subscription;
    }

    private static long periodEnd(long start, ObjectNode price) {
        long count = price.at("/recurring/interval_count").asLong(1);
        ZonedDateTime from = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
        ZonedDateTime to = switch (price.at("/recurring/interval").asText()) {
            case "day" -> from.plusDays(count);
            case "week" -> from.plusWeeks(count);
            case "year" -> from.plusYears(count);
            default -> from.plusMonths(count);
        };
        return to.toEpochSecond();
    }

    /** A new event about {@code object} (a snapshot of it now), kept for resending. */
    private ObjectNode raise(String type, ObjectNode object, ObjectNode previousAttributes) {
        ObjectNode event = NODES.objectNode();
        event.put("id", randomId("evt_", 24));
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", now());
        ObjectNode data = event.putObject("data");
        data.set("object", object.deepCopy());
        if (previousAttributes != null) {
            data.set("previous_attributes", previousAttributes);
        }
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", type);
        events.put(event.get("id").asText(), event);
        return event.deepCopy();
    }

    // ---------------------------------------------------------------- helpers

    private ObjectNode object(String prefix, String type) {
        ObjectNode node = NODES.objectNode();
        node.put("id", randomId(prefix, prefix.startsWith("cs_") ? 58 : 14));
        node.put("object", type);
        node.put("created", now());
        node.put("livemode", false);
        return node;
    }

    /** Keeps a new object; answers a copy, for the caller to hand out. */
    private ObjectNode store(ObjectNode node) {
        return keep(node).deepCopy();
    }

    /** Keeps a new object; answers the kept one, for the caller to go on changing. */
    private ObjectNode keep(ObjectNode node) {
        objects.put(node.get("id").asText(), node);
        return node;
    }

    /** The stored object (not a copy); a missing one is a 400 naming {@code param}, or a 404 without one. */
    private ObjectNode find(String type, String id, String param) {
        ObjectNode node = objects.get(id);
        if (node == null || !type.equals(node.path("object").asText())) {
            throw StripeProblem.missing(type, id, param);
        }
        return node;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static String randomId(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    private static String name(String at, String field) {
        return at.isEmpty() ? field : at + "[" + field + "]";
    }

    private static String text(JsonNode params, String field) {
        JsonNode node = params.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw StripeProblem.invalid(field, "Invalid string: " + field + " must be a string, not a hash or an"
                    + " array.");
        }
        String value = node.asText();
        return value.isEmpty() ? null : value;
    }

    private static Long integer(JsonNode params, String field, String param) {
        String value = text(params, field);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw StripeProblem.integer(param);
        }
    }

    private static boolean bool(JsonNode params, String field, boolean fallback) {
        String value = text(params, field);
        if (value == null) {
            return fallback;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw StripeProblem.invalid(field, "Invalid boolean: " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private static String currency(JsonNode params, String param) {
        String currency = text(params, "currency");
        if (currency == null) {
            throw StripeProblem.required(param);
        }
        if (!currency.matches("[A-Za-z]{3}")) {
            throw StripeProblem.invalid(param, "Invalid currency: " + currency);
        }
        return currency.toLowerCase(Locale.ROOT);
    }

    /** Metadata under {@code params.metadata}: string keys and values; an empty value means "not set". */
    private static ObjectNode metadata(JsonNode params, String param) {
        ObjectNode metadata = NODES.objectNode();
        JsonNode node = params.path("metadata");
        if (node.isMissingNode() || node.isNull()) {
            return metadata;
        }
        if (!node.isObject()) {
            throw StripeProblem.invalid(param, "Invalid hash: " + param + " must be a set of key-value pairs.");
        }
        if (node.size() > 50) {
            throw StripeProblem.invalid(param, "Metadata can have at most 50 keys.");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().length() > 40) {
                throw StripeProblem.invalid(param, "Metadata keys can be at most 40 characters long.");
            }
            if (entry.getValue().isContainerNode()) {
                throw StripeProblem.invalid(param + "[" + entry.getKey() + "]", "Metadata values must be strings.");
            }
            String value = entry.getValue().isNull() ? "" : entry.getValue().asText();
            if (value.length() > 500) {
                throw StripeProblem.invalid(param + "[" + entry.getKey() + "]", "Metadata values can be at most 500"
                        + " characters long.");
            }
            if (!value.isEmpty()) {
                metadata.put(entry.getKey(), value);
            }
        }
        return metadata;
    }
}
