package dev.rebound.kafka.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Whether each pipeline's last batch went through, for the readiness probe. */
public final class PipelineHealth {

    /** The last outcome of one pipeline. */
    public record State(Instant lastSuccess, Instant failingSince, String lastError) {
        public boolean failing() {
            return failingSince != null;
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    public PipelineHealth(Clock clock) {
        this.clock = clock;
    }

    void succeeded(String pipeline) {
        states.put(pipeline, new State(clock.instant(), null, null));
    }

    void failed(String pipeline, Throwable error) {
        states.compute(pipeline, (name, previous) -> new State(
                previous == null ? null : previous.lastSuccess(),
                previous != null && previous.failing() ? previous.failingSince() : clock.instant(),
                error.getClass().getSimpleName() + ": " + error.getMessage()));
    }

    public Map<String, State> states() {
        return new TreeMap<>(states);
    }
}
