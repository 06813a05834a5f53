package dev.rebound.retry.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.Classification;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.contracts.error.RetryRequest;
import dev.rebound.contracts.escalation.Escalation;
import dev.rebound.contracts.escalation.EscalationReason;
import dev.rebound.contracts.retry.RetryCommand;
import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.Subscription;
import dev.rebound.retry.policy.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decides each transient failure's next attempt: a retry command after the policy's backoff, or, when the
 * attempts are used up, an escalation.
 *
 * <p>Foundation scope: the command is published at once with {@code scheduledFor} in the future (platforms
 * wait until then). Durable scheduling, per-target breakers and rate limits come with the retry issue.
 */
@Component
class RetryRequestHandler implements EventHandler<RetryRequest> {

    private final RetryPolicy policy;
    private final RetryRepository repository;
    private final Clock clock;
    private final String source;

    RetryRequestHandler(RetryPolicy policy, RetryRepository repository, Clock clock, ReboundKafkaProperties kafka) {
        this.policy = policy;
        this.repository = repository;
        this.clock = clock;
        this.source = kafka.source();
    }

    @Override
    public Subscription<RetryRequest> subscription() {
        return Subscription.of(Topics.RETRY_REQUESTS, RetryRequest.class, EventType.RETRY_REQUESTED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<RetryRequest>> events) {
        Instant now = clock.instant();
        List<RetryRepository.Decision> decisions = new ArrayList<>(events.size());
        List<OutboundEvent> out = new ArrayList<>(events.size());
        for (IncomingEvent<RetryRequest> event : events) {
            Classification c = event.data().classification();
            ErrorEvent error = event.data().error();
            int failed = error.attempt();
            if (policy.allowsRetryAfter(failed)) {
                int next = failed + 1;
                Duration delay = policy.delayBefore(next, (error.operationId() + "#" + next).hashCode(), c.retryAfterMs());
                Instant due = now.plus(delay);
                out.add(event.derive(new RetryCommand(error.operationId(), next, error.service(), error.environment(),
                        error.pipeline(), error.step(), error.labels(), c.category(), RetryPolicy.NAME,
                        delay.toMillis(), due, List.of(),
                        c.category().wireName() + " failure, attempt " + next + " of " + policy.maxAttempts(), now),
                        source, now));
                decisions.add(decision(event, failed, next, delay.toMillis(), due, "scheduled", now));
            } else {
                out.add(event.derive(exhausted(event, c, failed, now), source, now));
                decisions.add(decision(event, failed, null, null, null, "exhausted", now));
            }
        }
        repository.insert(decisions);
        return out;
    }

    private static RetryRepository.Decision decision(IncomingEvent<RetryRequest> event, int failed, Integer next,
                                                     Long delayMs, Instant due, String outcome, Instant now) {
        Classification c = event.data().classification();
        return new RetryRepository.Decision(event.identity(), c.operationId(), c.service(), c.environment(), failed, next,
                c.category().wireName(), c.target(), c.fingerprint(), delayMs, due, outcome, now);
    }

    private Escalation exhausted(IncomingEvent<RetryRequest> request, Classification c, int attempts, Instant now) {
        return new Escalation(request.deriveId(EventType.ESCALATION_RAISED.type()), c.fingerprint(),
                c.severity(), EscalationReason.RETRIES_EXHAUSTED, c.category(), c.service(), c.environment(),
                c.service() + ": " + c.category().wireName() + " failure persists after " + attempts + " attempts",
                "Retried " + (attempts - 1) + " time(s) with backoff; it still fails. " + c.remediation(),
                attempts, c.evidence(), null, now);
    }
}
