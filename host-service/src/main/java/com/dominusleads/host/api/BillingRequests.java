package com.dominusleads.host.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the checkout and billing-portal requests, shared by the operator's and the tenant's endpoints. */
public final class BillingRequests {

    /** A plan or credit pack code. */
    static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";
    static final String CODE_MESSAGE = "lower-case letters, digits and '-', 1 to 40 characters";
    /** Where Stripe sends the customer back: an absolute http(s) URL (Stripe refuses anything else). */
    static final String URL = "https?://[^\\s]+";
    static final String URL_MESSAGE = "an absolute http(s) URL";

    private BillingRequests() {
    }

    public record SubscriptionCheckout(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String planCode,
                                @NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE)
                                String successUrl,
                                @NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE)
                                String cancelUrl) {
    }

    /** {@code quantity}: how many packs (1 to 100; 1 when absent). */
    public record CreditPackCheckout(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String packCode,
                              @Min(1) @Max(100) Integer quantity,
                              @NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE)
                              String successUrl,
                              @NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE)
                              String cancelUrl) {

        int packs() {
            return quantity == null ? 1 : quantity;
        }
    }

    public record Portal(@NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String returnUrl) {
    }
}
