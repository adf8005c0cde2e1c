package com.dominusleads.leads.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A tenant's rules for qualification: when a selection may start, given its credit balance ({@link BalancePolicy}),
 * and after how many days a contacted company that never replied counts as "no answer".
 *
 * @param expectedQualifiedPercent the share of a selection expected to qualify, for {@link BalancePolicy#COVER_EXPECTED}
 */
public record QualificationSettings(@NotNull BalancePolicy balancePolicy,
                                    @NotNull @Min(1) @Max(100) Integer expectedQualifiedPercent,
                                    @NotNull @Min(1) @Max(90) Integer noAnswerDays) {

    public static final QualificationSettings DEFAULTS = new QualificationSettings(BalancePolicy.POSITIVE_BALANCE, 10, 7);

    public enum BalancePolicy {
        /** The balance is above zero. */
        POSITIVE_BALANCE,
        /** The balance covers the qualified leads expected from the selection. */
        COVER_EXPECTED,
        /** Always: leads qualified without credit wait LOCKED until credits arrive. */
        NONE
    }

    /** The credits the selection must be covered by to start (0 when the policy asks for none). */
    public long required(int selectionSize) {
        return switch (balancePolicy) {
            case POSITIVE_BALANCE -> 1;
            case COVER_EXPECTED -> (selectionSize * (long) expectedQualifiedPercent + 99) / 100;
            case NONE -> 0;
        };
    }
}
