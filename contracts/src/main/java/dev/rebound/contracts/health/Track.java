package dev.rebound.contracts.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of a progressive rollout a sample measures. */
public enum Track {
    CANARY("canary"),
    STABLE("stable");

    private final String wireName;

    Track(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
