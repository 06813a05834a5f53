package dev.rebound.rollback.command;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.rollback.RollbackCommand;
import dev.rebound.kafka.pipeline.EventPipeline;
import dev.rebound.kafka.pipeline.EventPipelines;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code rebound.rollback-commands}. */
@Component
class RollbackCommandListener {

    private final EventPipeline<RollbackCommand> pipeline;

    RollbackCommandListener(EventPipelines pipelines, RollbackCommandHandler handler) {
        this.pipeline = pipelines.create(Topics.ROLLBACK_COMMANDS, RollbackCommand.class,
                Set.of(EventType.ROLLBACK_REQUESTED), handler);
    }

    @KafkaListener(id = "rollback-commands", idIsGroup = false, topics = Topics.ROLLBACK_COMMANDS)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        pipeline.process(records);
    }
}
