package com.dominusleads.host.domain;

import com.dominusleads.host.client.StripeApi;
import com.dominusleads.host.persistence.CreditPackStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credit packs the host sells. As for plans, the Stripe product and one-off price are created first (idempotency
 * keys {@code pack-<code>-product} and {@code pack-<code>-price}) and the price is fixed for life: a new price is a new
 * pack. The name and the credits may change; credits apply to invoices paid from then on.
 */
@ApplicationScoped
public class CreditPackCatalog {

    static final String PACK_METADATA = "pack_code";

    private final TenantTransactions transactions;
    private final CreditPackStore packs;
    private final StripeApi stripe;

    public CreditPackCatalog(TenantTransactions transactions, CreditPackStore packs, StripeApi stripe) {
        this.transactions = transactions;
        this.packs = packs;
        this.stripe = stripe;
    }

    /** Creates the pack, or answers it unchanged when it exists with this very definition (a repeated request). */
    public Uni<CatalogCreation<CreditPack>> create(NewCreditPack pack) {
        return find(pack.code()).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(repeated(existing.get(), pack));
            }
            return stripe.createOneOffPrice("pack-" + pack.code(), pack.name(), pack.priceCents(), pack.currency(),
                            Map.of(PACK_METADATA, pack.code(), "credits", Long.toString(pack.credits())))
                    .chain(price -> transactions.acrossTenants(tx -> packs.insert(tx, pack, price.productId(),
                            price.priceId())))
                    .chain(inserted -> inserted.isPresent()
                            ? Uni.createFrom().item(new CatalogCreation<>(inserted.get(), true))
                            : find(pack.code()).map(raced -> repeated(raced.orElseThrow(), pack)));
        });
    }

    private static CatalogCreation<CreditPack> repeated(CreditPack existing, NewCreditPack pack) {
        if (!existing.sameAs(pack)) {
            throw ApiException.conflict("credit_pack_exists", "Credit pack '" + pack.code() + "' already exists with"
                    + " other values: change its name or credits with PATCH, or create a pack with another code for a"
                    + " new price.");
        }
        return new CatalogCreation<>(existing, false);
    }

    public Uni<List<CreditPack>> list(Boolean active) {
        return transactions.acrossTenants(tx -> packs.list(tx, active));
    }

    public Uni<CreditPack> get(String code) {
        return find(code).map(pack -> pack.orElseThrow(() -> notFound(code)));
    }

    private Uni<Optional<CreditPack>> find(String code) {
        return transactions.acrossTenants(tx -> packs.find(tx, code));
    }

    public Uni<CreditPack> update(String code, String name, Long credits) {
        return transactions.acrossTenants(tx -> packs.update(tx, code, name, credits))
                .map(pack -> pack.orElseThrow(() -> notFound(code)));
    }

    /** Stops or resumes selling the pack. */
    public Uni<CreditPack> setActive(String code, boolean active) {
        return transactions.acrossTenants(tx -> packs.setActive(tx, code, active))
                .map(pack -> pack.orElseThrow(() -> notFound(code)));
    }

    static ApiException notFound(String code) {
        return ApiException.notFound("credit_pack_not_found", "No credit pack '" + code + "'.");
    }
}
