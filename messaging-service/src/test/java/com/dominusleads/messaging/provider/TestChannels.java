package com.dominusleads.messaging.provider;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.Provider;
import java.util.Map;
import java.util.UUID;

/** Channels as ChannelStore will hand them over, for tests. */
public final class TestChannels {

    private TestChannels() {
    }

    public static Channel channel(ChannelKind kind, Provider provider, String address, Map<String, String> settings,
                                  Map<String, String> secrets) {
        return new Channel(UUID.randomUUID(), "tenant-a", kind, provider, address, settings, secrets, 1000, 10);
    }
}
