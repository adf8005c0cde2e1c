package com.dominusleads.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code dominus.ingestion.*}: how releases are loaded. */
@ConfigMapping(prefix = "dominus.ingestion")
public interface IngestionConfig {

    /** Lines per chunk: the unit committed at once, and where a crashed load resumes. */
    @WithDefault("200000")
    int chunkLines();

    /** A file with a larger share of malformed rows fails its job instead of quarantining on. */
    @WithDefault("1.0")
    double maxBadRowPercent();

    /** The share is judged once this many lines of a file were read (a few bad lines at the top prove nothing). */
    @WithDefault("10000")
    long minLinesForBadRowCheck();

    /** Files loaded (and indexes built) at once: one per core is the sweet spot, PostgreSQL needs the other half. */
    @WithDefault("2")
    int workers();

    /** Make the tables durable (SET LOGGED) before they go live; off only for throwaway directories. */
    @WithDefault("true")
    boolean durableTables();

    /** Where releases fetched over HTTP are downloaded (one sub-directory per release). */
    @WithDefault("${java.io.tmpdir}/dominus-releases")
    String downloadDir();

    /** How often unfinished jobs are looked for (new ones, and those whose owner died). */
    @WithDefault("2s")
    Duration jobPollInterval();
}
