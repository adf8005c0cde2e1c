package com.dominusleads.leads.domain;

import java.util.List;
import java.util.UUID;

/** A tenant's sales pipeline: its stages in order. New leads start in the default pipeline's first stage. */
public record Pipeline(UUID id, String name, List<String> stages, boolean isDefault) {

    /** The stages every tenant's default pipeline starts with. */
    public static final List<String> DEFAULT_STAGES = List.of("Novo", "Em contato", "Proposta", "Negociação",
            "Ganho", "Perdido");
    public static final String DEFAULT_NAME = "Vendas";
}
