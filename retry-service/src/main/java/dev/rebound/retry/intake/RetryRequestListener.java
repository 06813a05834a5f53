package dev.rebound.retry.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.RetryRequest;
import dev.rebound.kafka.pipeline.EventPipeline;
import dev.rebound.kafka.pipeline.EventPipelines;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code rebound.retry-requests}. */
@Component
class RetryRequestListener {

    private final EventPipeline<RetryRequest> pipeline;

    RetryRequestListener(EventPipelines pipelines, RetryRequestHandler handler) {
        this.pipeline = pipelines.create(Topics.RETRY_REQUESTS, RetryRequest.class,
                Set.of(EventType.RETRY_REQUESTED), handler);
    }

    @KafkaListener(id = "retry-requests", idIsGroup = false, topics = Topics.RETRY_REQUESTS)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        pipeline.process(records);
    }
}
