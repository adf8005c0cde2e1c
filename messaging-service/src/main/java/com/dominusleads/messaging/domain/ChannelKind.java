package com.dominusleads.messaging.domain;

/** How a message reaches a contact; also the order in which outreach tries them. */
public enum ChannelKind {
    WHATSAPP, SMS, EMAIL
}
