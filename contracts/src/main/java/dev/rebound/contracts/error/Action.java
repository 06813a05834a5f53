package dev.rebound.contracts.error;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a classification suggests doing about a failure. */
public enum Action {
    RETRY("retry"),
    FIX_CODE("fix_code"),
    FIX_CONFIG("fix_config"),
    ROTATE_CREDENTIALS("rotate_credentials"),
    SCALE_RESOURCES("scale_resources"),
    INVESTIGATE("investigate"),
    ROLLBACK("rollback");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
