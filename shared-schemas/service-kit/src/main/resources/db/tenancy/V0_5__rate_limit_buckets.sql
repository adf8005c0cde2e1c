-- Per-tenant API rate limits (service kit TenantRateLimiter): one Bucket4j token bucket per tenant, its state kept
-- here so that every instance of the service draws from the same bucket (Bucket4j locks the row for each draw).
create table rate_limit_bucket (
    id         text primary key,   -- 'tenant:<tenant id>'
    state      bytea,              -- Bucket4j's serialized bucket
    expires_at bigint              -- unused: one row per tenant is kept
);
