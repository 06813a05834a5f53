package dev.rebound.health.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.health.HealthSample;
import dev.rebound.kafka.pipeline.EventPipeline;
import dev.rebound.kafka.pipeline.EventPipelines;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code rebound.health-samples}. */
@Component
class HealthSampleListener {

    private final EventPipeline<HealthSample> pipeline;

    HealthSampleListener(EventPipelines pipelines, HealthSampleHandler handler) {
        this.pipeline = pipelines.create(Topics.HEALTH_SAMPLES, HealthSample.class, Set.of(EventType.HEALTH_SAMPLED),
                handler);
    }

    @KafkaListener(id = "health-samples", idIsGroup = false, topics = Topics.HEALTH_SAMPLES)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        pipeline.process(records);
    }
}
