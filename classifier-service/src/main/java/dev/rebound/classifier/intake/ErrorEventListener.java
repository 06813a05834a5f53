package dev.rebound.classifier.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.kafka.pipeline.EventPipeline;
import dev.rebound.kafka.pipeline.EventPipelines;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code rebound.error-events} (Rebound error events and failed CDEvents pipeline and task runs). */
@Component
class ErrorEventListener {

    private final EventPipeline<ErrorEvent> pipeline;

    ErrorEventListener(EventPipelines pipelines, ErrorEventHandler handler) {
        this.pipeline = pipelines.create(Topics.ERROR_EVENTS, ErrorEvent.class, Set.of(EventType.ERROR_REPORTED),
                handler);
    }

    @KafkaListener(id = "error-events", idIsGroup = false, topics = Topics.ERROR_EVENTS)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        pipeline.process(records);
    }
}
