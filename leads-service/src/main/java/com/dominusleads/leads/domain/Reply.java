package com.dominusleads.leads.domain;

import java.time.Instant;
import java.util.List;

/**
 * A company's reply to outreach, with what the playbook made of it.
 *
 * @param outcome INTERESTED, NOT_INTERESTED, INVALID or NEEDS_REVIEW
 * @param matched the playbook phrases that decided it
 */
public record Reply(String messageId, String cnpj, String conversationId, String channel, String sender, String text,
                    Instant receivedAt, String outcome, List<String> matched) {
}
