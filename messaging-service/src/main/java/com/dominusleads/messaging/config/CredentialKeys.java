package com.dominusleads.messaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * The keys that encrypt provider credentials at rest. Rotation: put a new key first in the list (it becomes the active
 * one), restart; a background job re-encrypts every channel under it, after which the old key can be removed. Keys
 * come from the environment, never the repository: {@code ./dominus up} makes one per machine, tests one per run.
 */
@ConfigMapping(prefix = "dominus.messaging.credentials")
public interface CredentialKeys {

    /** {@code <key id>:<base64 of 32 random bytes>}, comma-separated; the first is active unless named otherwise. */
    String keys();

    /** The key id new encryptions use; the first of {@link #keys()} when absent. */
    @WithName("active-key")
    Optional<String> activeKey();
}
