package com.dominusleads.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run one server as a child process and how to tell it is ready ({@code http://…} answering 2xx, or
 * {@code tcp://host:port} accepting connections).
 */
public record ProcessSpec(String name, List<String> command, Path workDir, Map<String, String> environment, URI readiness) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** The same process with one more environment variable (e.g. a mark to find it by). */
    public ProcessSpec withVariable(String variable, String value) {
        return withVariables(Map.of(variable, value));
    }

    /** The same process with {@code variables} added, replacing any of the same name. */
    public ProcessSpec withVariables(Map<String, String> variables) {
        Map<String, String> extended = new HashMap<>(environment);
        extended.putAll(variables);
        return new ProcessSpec(name, command, workDir, extended, readiness);
    }
}
