package dev.rebound.contracts.error;

import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a failure or an escalation is, from {@code low} to {@code critical}. */
public enum Severity {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    CRITICAL("critical");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
