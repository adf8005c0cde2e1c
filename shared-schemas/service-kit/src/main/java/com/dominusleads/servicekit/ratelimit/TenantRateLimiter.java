package com.dominusleads.servicekit.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per tenant (Bucket4j), its state in this service's PostgreSQL ({@code rate_limit_bucket}) so that
 * all instances of the service share it: a tenant gets its plan's rate per service, however many instances serve it.
 * The bucket holds one period's worth of tokens (a burst of at most the rate) and refills greedily. A plan change
 * replaces the bucket's configuration on the next draw (its version is the tenant's revision), keeping its tokens.
 * Blocking (JDBC): call it off the event loop.
 */
@ApplicationScoped
public class TenantRateLimiter {

    /** One draw: allowed or not, what is left, and when a refused caller may try again. */
    public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    private final ProxyManager<String> buckets;
    private final Duration period;

    public TenantRateLimiter(AgroalDataSource dataSource,
                             @ConfigProperty(name = "dominus.rate-limit.period", defaultValue = "1s") Duration period) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .build();
        this.period = period;
    }

    /**
     * Takes one token of {@code tenantId}'s bucket, which allows {@code rate} requests per period. {@code revision}
     * grows with every change of the tenant: Bucket4j replaces a stored configuration only by a higher version, so a
     * plan that lowers the rate takes effect too.
     */
    public Decision draw(String tenantId, int rate, long revision) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate).refillGreedy(rate, period))
                .build();
        ConsumptionProbe probe = buckets.builder()
                .withImplicitConfigurationReplacement(revision, TokensInheritanceStrategy.AS_IS)
                .build("tenant:" + tenantId, () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        long retryAfter = probe.isConsumed() ? 0
                : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                        + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
        return new Decision(probe.isConsumed(), rate, probe.getRemainingTokens(), retryAfter);
    }
}
