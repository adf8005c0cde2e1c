package com.dominusleads.launcher.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatchCommandTest {

    @Test
    void aTopicFromNowOnOrFromTheBeginningMaybeOfOneTenant() {
        assertThat(WatchCommand.parse(List.of("message.replied")))
                .isEqualTo(new WatchCommand.Watch("message.replied", null, false));
        assertThat(WatchCommand.parse(List.of("--from-beginning", "contact.opted-out", "--tenant", "acme")))
                .isEqualTo(new WatchCommand.Watch("contact.opted-out", "acme", true));
    }

    @Test
    void oneTopicOfTheCatalogue() {
        assertThatThrownBy(() -> WatchCommand.parse(List.of())).hasMessage("which topic?");
        assertThatThrownBy(() -> WatchCommand.parse(List.of("message.replies"))).hasMessage("no topic message.replies");
        assertThatThrownBy(() -> WatchCommand.parse(List.of("message.sent", "message.replied")))
                .hasMessage("one topic at a time, not message.sent message.replied");
        assertThatThrownBy(() -> WatchCommand.parse(List.of("message.sent", "--follow")))
                .hasMessage("unknown option --follow");
    }

    @Test
    void aTenantOnlyForTenantsEvents() {
        assertThatThrownBy(() -> WatchCommand.parse(List.of("directory.release-ingested", "--tenant", "acme")))
                .hasMessage("directory.release-ingested events belong to no tenant: watch it without --tenant");
        assertThatThrownBy(() -> WatchCommand.parse(List.of("message.sent", "--tenant", "ACME")))
                .hasMessageContaining("a tenant id is");
    }
}
