package dev.rebound.notifier.alert;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.escalation.Escalation;
import dev.rebound.kafka.pipeline.EventPipeline;
import dev.rebound.kafka.pipeline.EventPipelines;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code rebound.escalations}. */
@Component
class EscalationListener {

    private final EventPipeline<Escalation> pipeline;

    EscalationListener(EventPipelines pipelines, EscalationHandler handler) {
        this.pipeline = pipelines.create(Topics.ESCALATIONS, Escalation.class, Set.of(EventType.ESCALATION_RAISED),
                handler);
    }

    @KafkaListener(id = "escalations", idIsGroup = false, topics = Topics.ESCALATIONS)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        pipeline.process(records);
    }
}
