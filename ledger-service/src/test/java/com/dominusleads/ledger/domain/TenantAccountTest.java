package com.dominusleads.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantAccountTest {

    @Test
    void warnsOnceWhenADebitCrossesTheThresholdAndAgainOnlyAfterCreditsLiftItAbove() {
        TenantAccount account = new TenantAccount("acme", 12, 10, false);

        TenantAccount eleven = account.debited(1);
        TenantAccount ten = eleven.debited(1);
        TenantAccount nine = ten.debited(1);
        assertThat(eleven.crossedLowBalanceFrom(account)).isFalse();
        assertThat(ten.crossedLowBalanceFrom(eleven)).isTrue();
        assertThat(nine.crossedLowBalanceFrom(ten)).isFalse();

        TenantAccount stillLow = nine.credited(1);
        assertThat(stillLow.debited(1).crossedLowBalanceFrom(stillLow)).isFalse();

        TenantAccount refilled = nine.credited(20);
        assertThat(refilled.lowBalanceNotified()).isFalse();
        TenantAccount down = refilled;
        int warnings = 0;
        while (down.balance() > 0) {
            TenantAccount next = down.debited(1);
            warnings += next.crossedLowBalanceFrom(down) ? 1 : 0;
            down = next;
        }
        assertThat(warnings).isEqualTo(1);
    }

    @Test
    void refusesToPayMoreThanTheBalance() {
        TenantAccount empty = new TenantAccount("acme", 0, TenantAccount.DEFAULT_LOW_BALANCE_THRESHOLD, false);
        assertThat(empty.canPay(1)).isFalse();
        assertThatThrownBy(() -> empty.debited(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void raisingTheThresholdAboveTheBalanceDoesNotWarnByItselfButTheNextDebitDoes() {
        TenantAccount account = new TenantAccount("acme", 50, 10, false).withThreshold(100);
        assertThat(account.lowBalanceNotified()).isFalse();
        assertThat(account.debited(1).crossedLowBalanceFrom(account)).isTrue();
    }
}
