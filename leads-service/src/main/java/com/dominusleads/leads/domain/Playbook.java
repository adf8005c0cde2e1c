package com.dominusleads.leads.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * How a tenant's replies are classified: phrases and the outcome each signals. {@link ReplyClassifier} applies it.
 *
 * @param custom false for the defaults shipped with the service, true once the tenant saved its own
 */
public record Playbook(@NotNull @Size(min = 1, max = 1_000) List<@Valid @NotNull Rule> rules, boolean custom) {

    /** What a phrase says about the company's answer. */
    public enum Signal {
        INTERESTED, NOT_INTERESTED, INVALID,
        /** Undecided on its own ("talvez", "quem é?"): a human decides. */
        REVIEW
    }

    /** A phrase (whole words; case, accents and punctuation ignored) and what it signals. */
    public record Rule(@NotBlank @Size(max = 100) String phrase, @NotNull Signal signal) {
    }
}
