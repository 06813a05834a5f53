package dev.rebound.contracts.deployment;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a release is rolled out. */
public enum Strategy {
    DIRECT("direct"),
    CANARY("canary"),
    BLUE_GREEN("blue-green");

    private final String wireName;

    Strategy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
