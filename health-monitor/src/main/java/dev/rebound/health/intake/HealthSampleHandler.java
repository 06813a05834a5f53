package dev.rebound.health.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.health.HealthSample;
import dev.rebound.contracts.health.HealthVerdict;
import dev.rebound.contracts.health.Verdict;
import dev.rebound.health.evaluation.SampleEvaluator;
import dev.rebound.health.evaluation.Thresholds;
import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Stores fresh samples and publishes the verdict each one leads to, with the release's previous verdict. */
@Component
class HealthSampleHandler implements EventHandler<HealthSample> {

    private final SampleEvaluator evaluator;
    private final HealthRepository repository;
    private final Clock clock;
    private final String source;

    HealthSampleHandler(Thresholds thresholds, HealthRepository repository, Clock clock, ReboundKafkaProperties kafka) {
        this.evaluator = new SampleEvaluator(thresholds);
        this.repository = repository;
        this.clock = clock;
        this.source = kafka.source();
    }

    @Override
    public Subscription<HealthSample> subscription() {
        return Subscription.of(Topics.HEALTH_SAMPLES, HealthSample.class, EventType.HEALTH_SAMPLED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<HealthSample>> events) {
        Instant now = clock.instant();
        repository.insertSamples(events.stream().map(IncomingEvent::identity).toList(),
                events.stream().map(IncomingEvent::data).toList());
        List<OutboundEvent> out = new ArrayList<>(events.size());
        for (IncomingEvent<HealthSample> event : events) {
            HealthSample sample = event.data();
            SampleEvaluator.Evaluation evaluation = evaluator.evaluate(sample);
            Verdict previous = repository.latestVerdict(sample.service(), sample.environment(), sample.version())
                    .orElse(null);
            repository.saveVerdict(sample.service(), sample.environment(), sample.version(), evaluation.verdict(), now);
            out.add(event.derive(new HealthVerdict(sample.service(), sample.environment(), sample.version(),
                    sample.deploymentId(), sample.stage(), evaluation.verdict(), previous, evaluation.window(),
                    evaluation.breaches(), now), source, now));
        }
        return out;
    }
}
