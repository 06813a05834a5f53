package dev.rebound.kafka.pipeline;

import dev.rebound.contracts.EventData;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.kafka.deadletter.DeadLetterPublisher;
import dev.rebound.kafka.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a pipeline and a batch listener container for every {@link EventHandler} bean of the service: the
 * services declare what they consume and how they react, never a listener.
 */
public final class EventPipelines implements SmartLifecycle {

    private final List<EventPipeline<?>> pipelines = new ArrayList<>();
    private final List<ConcurrentMessageListenerContainer<Object, Object>> containers = new ArrayList<>();
    private final ConcurrentKafkaListenerContainerFactory<Object, Object> containerFactory;
    private volatile boolean running;

    public EventPipelines(List<EventHandler<?>> handlers, ConcurrentKafkaListenerContainerFactory<Object, Object> containerFactory,
                          CloudEventCodec codec, JdbcTemplate jdbc, Outbox outbox, DeadLetterPublisher deadLetters,
                          TransactionTemplate transactions, PipelineHealth health, MeterRegistry meters) {
        this.containerFactory = containerFactory;
        Inbox inbox = new Inbox(jdbc);
        java.util.Set<String> topics = new java.util.HashSet<>();
        for (EventHandler<?> handler : handlers) {
            if (!topics.add(handler.subscription().topic())) {
                // two containers of one group would split the topic's partitions between two handlers
                throw new IllegalStateException("two event handlers subscribe to " + handler.subscription().topic()
                        + "; one handler per topic and service (accept several event types in its subscription)");
            }
            pipelines.add(pipeline(handler, codec, inbox, outbox, deadLetters, transactions, health, meters));
        }
    }

    private static <T extends EventData> EventPipeline<T> pipeline(EventHandler<T> handler, CloudEventCodec codec,
            Inbox inbox, Outbox outbox, DeadLetterPublisher deadLetters, TransactionTemplate transactions,
            PipelineHealth health, MeterRegistry meters) {
        return new EventPipeline<>(handler, codec, inbox, outbox, deadLetters, transactions, health, meters);
    }

    /** The topics the service consumes, whose dead-letter topics it owns entries in. */
    public Set<String> topics() {
        return Set.copyOf(pipelines.stream().map(EventPipeline::topic).toList());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void start() {
        for (EventPipeline<?> pipeline : pipelines) {
            ConcurrentMessageListenerContainer<Object, Object> container = containerFactory.createContainer(pipeline.topic());
            container.setBeanName("rebound-" + pipeline.topic());
            container.setupMessageListener((BatchMessageListener<Object, Object>) records ->
                    pipeline.process((List<ConsumerRecord<String, byte[]>>) (List<?>) records));
            container.start();
            containers.add(container);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The topics whose listener container stopped although the pipelines run (for readiness). */
    public List<String> stoppedTopics() {
        if (!running) {
            return List.of();
        }
        return containers.stream().filter(c -> !c.isRunning())
                .map(c -> String.join(",", c.getContainerProperties().getTopics())).toList();
    }

    /** Start after everything else and stop first, like spring-kafka's own listener containers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
