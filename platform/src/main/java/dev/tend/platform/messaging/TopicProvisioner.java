package dev.tend.platform.messaging;

import dev.tend.contracts.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates Tend's topics with their partition counts before consumers subscribe, because Tend's brokers
 * run with auto-create off (an auto-created topic would get the broker's default partition count).
 * Existing topics are left as they are. Where topics are managed by a platform team, turn this off.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final boolean enabled;
    private final short replicationFactor;

    public TopicProvisioner(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "tend.kafka.provision-topics", defaultValue = "true") boolean enabled,
                            @ConfigProperty(name = "tend.kafka.replication-factor", defaultValue = "1") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.replicationFactor = replicationFactor;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!enabled) {
            return;
        }
        List<NewTopic> topics = Topics.all().stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.configs()))
                .toList();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 10_000))) {
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(15, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("Could not create topic %s: %s", name, e.getCause().getMessage());
                    }
                } catch (Exception e) {
                    LOG.warnf("Could not create topic %s: %s", name, e.getMessage());
                }
            });
        }
    }
}
