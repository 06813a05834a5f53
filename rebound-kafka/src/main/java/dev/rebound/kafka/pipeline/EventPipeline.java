package dev.rebound.kafka.pipeline;

import dev.rebound.contracts.DeadLetterHeaders;
import dev.rebound.contracts.EventData;
import dev.rebound.contracts.EventType;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.kafka.cloudevents.Decoded;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.cloudevents.Rejection;
import dev.rebound.kafka.deadletter.DeadLetterPublisher;
import dev.rebound.kafka.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to every batch a service consumes: decode → deduplicate → handle and stage the derived
 * events in one transaction → have everything pending published, oldest first (by the outbox relay's thread) →
 * dead-letter the bad records. It returns only when all of it is durable (the derived events in the outbox, the
 * dead letters acknowledged), so the listener container commits the offsets afterwards. A
 * {@link RepublishingHandler}'s derived events skip the outbox: they are published once the transaction has
 * committed, and the batch returns when the broker has acknowledged them. An event
 * whose data the database refuses (SQLSTATE 22, 23, 54) is set aside alone as unprocessable. Any other
 * failure on the way is an outage: the exception goes to the container, which retries the whole batch with
 * capped backoff while the consumer stays paused, and readiness reports the pipeline down until a batch
 * goes through.
 */
public final class EventPipeline<T extends EventData> {

    private static final Logger log = LoggerFactory.getLogger(EventPipeline.class);

    private final String topic;
    private final Class<T> dataType;
    private final Set<EventType> accepted;
    private final EventHandler<T> handler;
    /** The handler when it can rebuild its derived events: they are published at once, not through the outbox. */
    private final RepublishingHandler<T> republishing;
    /** The handler when its own table is the inbox: it gets duplicates too, and no inbox row is written. */
    private final ClaimingHandler<T> claiming;
    private final CloudEventCodec codec;
    private final Inbox inbox;
    private final Outbox outbox;
    private final DeadLetterPublisher deadLetters;
    private final TransactionTemplate transactions;
    private final PipelineHealth health;
    private final Counter acceptedCount;
    private final Counter duplicateCount;
    private final Counter ignoredCount;
    private final Counter rejectedCount;
    private final Counter publishedCount;
    private final Timer batchTimer;

    EventPipeline(EventHandler<T> handler, CloudEventCodec codec, Inbox inbox, Outbox outbox,
                  DeadLetterPublisher deadLetters, TransactionTemplate transactions, PipelineHealth health,
                  MeterRegistry meters) {
        this.topic = handler.subscription().topic();
        this.dataType = handler.subscription().dataType();
        this.accepted = handler.subscription().accepted();
        this.handler = handler;
        this.republishing = handler instanceof RepublishingHandler<T> r ? r : null;
        this.claiming = handler instanceof ClaimingHandler<T> c ? c : null;
        this.codec = codec;
        this.inbox = inbox;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.health = health;
        this.acceptedCount = consumed(meters, "accepted");
        this.duplicateCount = consumed(meters, "duplicate");
        this.ignoredCount = consumed(meters, "ignored");
        this.rejectedCount = consumed(meters, "rejected");
        this.publishedCount = Counter.builder("rebound.events.published").tag("source_topic", topic)
                .description("Events published as a result of consumed ones").register(meters);
        this.batchTimer = Timer.builder("rebound.pipeline.batch").tag("topic", topic)
                .description("Time to make a consumed batch durable").register(meters);
    }

    /** The topic this pipeline consumes. */
    public String topic() {
        return topic;
    }

    /** Processes one polled batch; returns when its effects, events and dead letters are durable. */
    public void process(List<ConsumerRecord<String, byte[]>> records) {
        Timer.Sample sample = Timer.start();
        try {
            processBatch(records);
            health.succeeded(topic);
        } catch (RuntimeException e) {
            health.failed(topic, e);
            log.warn("batch of {} record(s) from {} failed, will retry: {}", records.size(), topic, e.toString());
            throw e;
        } finally {
            sample.stop(batchTimer);
        }
    }

    private void processBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<IncomingEvent<T>> events = new ArrayList<>(records.size());
        Map<IncomingEvent<T>, ConsumerRecord<String, byte[]>> recordOf = new IdentityHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        int ignored = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            // Java 17: no pattern switch over the sealed type yet
            Decoded decoded = codec.decode(record, accepted);
            if (decoded instanceof Decoded.Accepted a) {
                IncomingEvent<T> event = cast(a.event());
                events.add(event);
                recordOf.put(event, record);
            } else if (decoded instanceof Decoded.Rejected r) {
                rejections.add(r.rejection());
            } else if (decoded instanceof Decoded.Ignored i) {
                ignored++;
                log.debug("ignored {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), i.reason());
            }
        }
        List<OutboundEvent> derived;
        try {
            derived = apply(events);
        } catch (RuntimeException e) {
            if (DataErrors.sqlState(e).isEmpty()) {
                throw e;
            }
            // the database refused some event's data: apply them one by one and set aside only those it refuses
            derived = new ArrayList<>();
            for (IncomingEvent<T> event : events) {
                try {
                    derived.addAll(apply(List.of(event)));
                } catch (RuntimeException single) {
                    if (DataErrors.sqlState(single).isEmpty()) {
                        throw single;
                    }
                    rejections.add(new Rejection(recordOf.get(event), DeadLetterHeaders.KIND_UNPROCESSABLE,
                            "the database refused the event: " + DataErrors.describe(single), null));
                }
            }
        }
        if (republishing != null) {
            // committed: publish now; the offsets are committed only after the acknowledgements, so a crash before
            // them brings the events back as duplicates, whose stored result is published again
            outbox.publishNow(derived);
        } else {
            // durable in the outbox: published oldest first on the relay's thread (what an earlier attempt left
            // is never overtaken) while this thread goes on with the next batch
            outbox.requestPublish();
        }
        deadLetters.publish(rejections);

        acceptedCount.increment(events.size());
        rejectedCount.increment(rejections.size());
        ignoredCount.increment(ignored);
        publishedCount.increment(derived.size());
    }

    /**
     * Claims and handles the events in one transaction, staging what they derive in the outbox, or, for a
     * {@link RepublishingHandler}, adding what duplicates derived before (a {@link ClaimingHandler} claims them
     * itself); returns the derived events.
     */
    private List<OutboundEvent> apply(List<IncomingEvent<T>> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<OutboundEvent> derived = transactions.execute(status -> {
            if (claiming != null) {
                ClaimingHandler.Handled handled = claiming.handleClaiming(events);
                duplicateCount.increment(handled.duplicates());
                return handled.derived();
            }
            List<IncomingEvent<T>> fresh = inbox.claim(events);
            duplicateCount.increment(events.size() - fresh.size());
            List<OutboundEvent> out = new ArrayList<>();
            if (republishing != null && fresh.size() < events.size()) {
                Set<IncomingEvent<T>> claimed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                claimed.addAll(fresh);
                out.addAll(republishing.republish(events.stream().filter(e -> !claimed.contains(e)).toList()));
            }
            if (!fresh.isEmpty()) {
                out.addAll(handler.handle(fresh));
            }
            if (republishing == null) {
                outbox.stage(out);
            }
            return out;
        });
        return derived == null ? List.of() : derived;
    }

    @SuppressWarnings("unchecked")
    private IncomingEvent<T> cast(IncomingEvent<EventData> event) {
        if (!dataType.isInstance(event.data())) {
            throw new IllegalStateException(event.data().getClass() + " accepted by a pipeline of " + dataType);
        }
        return (IncomingEvent<T>) (IncomingEvent<?>) event;
    }

    private Counter consumed(MeterRegistry meters, String outcome) {
        return Counter.builder("rebound.events.consumed").tag("topic", topic).tag("outcome", outcome)
                .description("Consumed records by outcome").register(meters);
    }
}
