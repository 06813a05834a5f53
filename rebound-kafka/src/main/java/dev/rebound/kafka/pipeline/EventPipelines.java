package dev.rebound.kafka.pipeline;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.EventType;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.kafka.deadletter.DeadLetterPublisher;
import dev.rebound.kafka.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates a service's pipelines and knows which topics it consumes. */
public final class EventPipelines {

    private final CloudEventCodec codec;
    private final Inbox inbox;
    private final Outbox outbox;
    private final DeadLetterPublisher deadLetters;
    private final TransactionTemplate transactions;
    private final PipelineHealth health;
    private final MeterRegistry meters;
    private final List<EventPipeline<?>> pipelines = new CopyOnWriteArrayList<>();

    public EventPipelines(CloudEventCodec codec, JdbcTemplate jdbc, Outbox outbox, DeadLetterPublisher deadLetters,
                          TransactionTemplate transactions, PipelineHealth health, MeterRegistry meters) {
        this.codec = codec;
        this.inbox = new Inbox(jdbc);
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.health = health;
        this.meters = meters;
    }

    /**
     * A pipeline for {@code topic} that accepts the given event types (CDEvents included, once mapped) and
     * hands fresh events of {@code dataType} to {@code handler}.
     */
    public <T extends EventData> EventPipeline<T> create(String topic, Class<T> dataType, Set<EventType> accepted,
                                                         EventHandler<T> handler) {
        for (EventType type : accepted) {
            if (!dataType.isAssignableFrom(type.dataClass())) {
                throw new IllegalArgumentException(type.type() + " is not a " + dataType.getSimpleName());
            }
        }
        EventPipeline<T> pipeline = new EventPipeline<>(topic, dataType, accepted, handler, codec, inbox, outbox,
                deadLetters, transactions, health, meters);
        pipelines.add(pipeline);
        return pipeline;
    }

    /** The topics the service consumes, whose dead-letter topics it owns entries in. */
    public Set<String> topics() {
        return Set.copyOf(pipelines.stream().map(EventPipeline::topic).toList());
    }
}
