package com.dominusleads.simulator;

import java.util.Set;

/**
 * How a simulator behaves for its whole life (faults, by contrast, change at runtime: {@link Faults}).
 *
 * @param seed             the world: the same seed gives byte-identical documents and pages, and the same fault draws
 * @param apiKeys          the keys callers may send; empty means no authentication at all
 * @param apiV1Variant     serve the contract under {@code /api/v1} instead of {@code /v1} (a known variant)
 * @param bearerAuth       expect {@code Authorization: Bearer <key>} instead of {@code X-API-KEY} (a known variant)
 * @param unknownCnpjShare share of valid CNPJs the API answers 404 for, in [0, 1) (chosen by a hash of CNPJ and seed)
 */
public record SimulatorOptions(long seed, Set<String> apiKeys, boolean apiV1Variant, boolean bearerAuth,
                               double unknownCnpjShare) {

    public SimulatorOptions {
        apiKeys = Set.copyOf(apiKeys);
        if (!(unknownCnpjShare >= 0 && unknownCnpjShare < 1)) {
            throw new IllegalArgumentException("unknownCnpjShare must be in [0, 1), got " + unknownCnpjShare);
        }
    }

    /** The plain contract ({@code /v1}, {@code X-API-KEY}) with one key, and 5% unknown CNPJs. */
    public static SimulatorOptions of(long seed, String apiKey) {
        return new SimulatorOptions(seed, Set.of(apiKey), false, false, 0.05);
    }

    public SimulatorOptions withApiV1Variant(boolean on) {
        return new SimulatorOptions(seed, apiKeys, on, bearerAuth, unknownCnpjShare);
    }

    public SimulatorOptions withBearerAuth(boolean on) {
        return new SimulatorOptions(seed, apiKeys, apiV1Variant, on, unknownCnpjShare);
    }

    public SimulatorOptions withUnknownCnpjShare(double share) {
        return new SimulatorOptions(seed, apiKeys, apiV1Variant, bearerAuth, share);
    }

    /** Where the contract lives: {@code /v1} or {@code /api/v1}. */
    public String basePath() {
        return apiV1Variant ? "/api/v1" : "/v1";
    }
}
