package dev.rebound.rollback.command;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.ServiceKey;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.deployment.RollbackFailed;
import dev.rebound.contracts.deployment.RollbackStarted;
import dev.rebound.contracts.error.Severity;
import dev.rebound.contracts.escalation.Escalation;
import dev.rebound.contracts.escalation.EscalationReason;
import dev.rebound.contracts.rollback.RollbackCommand;
import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Takes each rollback command once (by command id) and reports what happens on the deployment stream.
 *
 * <p>Foundation scope: no deployment driver exists yet, so a rollback that is not a dry run is started and
 * fails at once, naming the missing driver, and is escalated as critical: people must act. Drivers (script,
 * HTTP), version markers and verification come with the rollback issue.
 */
@Component
class RollbackCommandHandler implements EventHandler<RollbackCommand> {

    static final String NO_DRIVER = "no deployment driver is configured for ";

    private final RollbackCommandRepository repository;
    private final Clock clock;
    private final String source;

    RollbackCommandHandler(RollbackCommandRepository repository, Clock clock, ReboundKafkaProperties kafka) {
        this.repository = repository;
        this.clock = clock;
        this.source = kafka.source();
    }

    @Override
    public Subscription<RollbackCommand> subscription() {
        return Subscription.of(Topics.ROLLBACK_COMMANDS, RollbackCommand.class, EventType.ROLLBACK_REQUESTED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<RollbackCommand>> events) {
        Instant now = clock.instant();
        List<RollbackCommandRepository.Recorded> recorded = new ArrayList<>(events.size());
        for (IncomingEvent<RollbackCommand> event : events) {
            RollbackCommand c = event.data();
            recorded.add(c.isDryRun()
                    ? new RollbackCommandRepository.Recorded(event.identity(), c, "planned", "dry run")
                    : new RollbackCommandRepository.Recorded(event.identity(), c, "failed", NO_DRIVER + c.key()));
        }
        Set<String> fresh = new HashSet<>(repository.insertNew(recorded, now));
        List<OutboundEvent> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent<RollbackCommand> event = events.get(i);
            RollbackCommand c = event.data();
            // remove: the same command twice in one batch (re-sent under another event id) runs once
            if (!fresh.remove(c.commandId()) || c.isDryRun()) {
                continue; // a command already taken, or only a plan
            }
            out.add(event.derive(new RollbackStarted(c.commandId(), c.deploymentId(), c.service(), c.environment(),
                    c.targetVersion(), c.fromVersion(), c.reason(), now), source, now));
            String failure = recorded.get(i).detail();
            out.add(event.derive(new RollbackFailed(c.commandId(), c.deploymentId(), c.service(), c.environment(),
                    c.targetVersion(), c.fromVersion(), failure, now), source, now));
            out.add(event.derive(new Escalation(event.deriveId(EventType.ESCALATION_RAISED.type()),
                    ServiceKey.of(c.service(), c.environment()), Severity.CRITICAL, EscalationReason.ROLLBACK_FAILED,
                    null, c.service(), c.environment(), c.service() + "@" + c.environment() + ": rollback failed",
                    "Rollback " + c.commandId() + " (" + c.reason() + ") could not run: " + failure + ".", 1,
                    List.of(failure), null, now), source, now));
        }
        return out;
    }
}
