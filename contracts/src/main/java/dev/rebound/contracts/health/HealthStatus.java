package dev.rebound.contracts.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** The health a sample reports for itself. */
public enum HealthStatus {
    UP("up"),
    DEGRADED("degraded"),
    DOWN("down");

    private final String wireName;

    HealthStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
