package dev.rebound.contracts.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** The health-monitor's judgement of a release over a window. */
public enum Verdict {
    /** Every metric within its warning threshold. */
    HEALTHY("healthy"),
    /** A warning threshold crossed. */
    DEGRADED("degraded"),
    /** A critical threshold crossed: a rollback candidate. */
    UNHEALTHY("unhealthy"),
    /** Too few samples to judge. */
    INCONCLUSIVE("inconclusive");

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
