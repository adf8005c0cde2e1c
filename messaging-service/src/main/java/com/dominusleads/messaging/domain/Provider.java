package com.dominusleads.messaging.domain;

import java.util.Set;

/** Who carries a channel's messages, and which kinds of channel each can carry. */
public enum Provider {
    META(Set.of(ChannelKind.WHATSAPP)),
    TWILIO(Set.of(ChannelKind.WHATSAPP, ChannelKind.SMS)),
    EVOLUTION(Set.of(ChannelKind.WHATSAPP)),
    SMTP(Set.of(ChannelKind.EMAIL));

    private final Set<ChannelKind> kinds;

    Provider(Set<ChannelKind> kinds) {
        this.kinds = kinds;
    }

    public boolean carries(ChannelKind kind) {
        return kinds.contains(kind);
    }
}
