package com.dominusleads.launcher;

import com.dominusleads.events.Topics;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates every event topic up front (not on first publish), so that partners and tools such as {@code kcat -L}
 * see the whole catalogue from the start. Record keys are tenant ids: partitions keep each tenant in order.
 */
public final class EventTopics {

    static final int PARTITIONS = 3;

    private EventTopics() {
    }

    /** @return the topics created now (those that already existed are left as they are) */
    public static List<String> ensure(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1).configs(Topics.COMPACTED.contains(topic)
                            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT) : Map.of()))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            // Topics made before their policy was decided (an older stack) are set to it too: a compacted topic left
            // on time-based deletion would forget, after a week, a tenant's suspension.
            Map<ConfigResource, Collection<AlterConfigOp>> compaction = new HashMap<>();
            for (String topic : Topics.COMPACTED) {
                compaction.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                        AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(compaction).all().get(30, TimeUnit.SECONDS);
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new LauncherException("could not create the event topics on " + bootstrapServers + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while creating the event topics");
        }
    }
}
