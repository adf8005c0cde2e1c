package com.dominusleads.launcher.events;

import com.dominusleads.events.registry.SchemaRegistrar;
import com.dominusleads.launcher.LauncherException;
import com.dominusleads.launcher.LocalStack;
import com.dominusleads.stack.ApicurioRegistry;
import com.dominusleads.stack.Ports;

/** The running stack's Kafka broker and schema registry, where publish and watch meet the services' events. */
final class StackEvents {

    private final LocalStack stack;

    StackEvents(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * Fails at once, saying what to do, when the broker or the registry does not listen: a Kafka client would
     * otherwise retry for a minute before saying anything.
     */
    StackEvents requireRunning() {
        requireListening("Kafka", stack.kafkaPort());
        requireListening("the schema registry", stack.registryPort());
        return this;
    }

    private static void requireListening(String server, int port) {
        if (!Ports.inUse(port)) {
            throw new LauncherException(server + " does not answer on 127.0.0.1:" + port + ": start the stack with"
                    + " ./dominus up first (./dominus status shows what runs)");
        }
    }

    String bootstrap() {
        return stack.kafkaBootstrap();
    }

    SchemaRegistrar registry() {
        return new SchemaRegistrar(ApicurioRegistry.apiUri(stack.registryPort()));
    }
}
