package dev.rebound.contracts.error;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of failure an error is: exactly one per classification. */
public enum Category {
    /** DNS, connection refused or reset, unreachable hosts, TLS handshakes. */
    NETWORK("network"),
    /** Deadlines exceeded, timed-out calls, stuck jobs. */
    TIMEOUT("timeout"),
    /** HTTP 429, API rate limits, registry pull limits. */
    RATE_LIMIT("rate_limit"),
    /** Runner or system failures, pods, VMs or containers that did not schedule or start, lost agents. */
    INFRASTRUCTURE("infrastructure"),
    /** Out of memory, OOM kills, full disks, too many open files. */
    RESOURCE_EXHAUSTION("resource_exhaustion"),
    /** Package or artifact resolution and download failures, version conflicts, checksums, registries. */
    DEPENDENCY("dependency"),
    /** 401/403, permission denied, bad or expired credentials. */
    AUTHENTICATION("authentication"),
    /** Invalid or missing configuration, variables or secrets, bad YAML, unknown options, wrong tool versions. */
    CONFIGURATION("configuration"),
    /** Compiler, syntax or type errors in the project's code. */
    COMPILATION("compilation"),
    /** Failing tests and assertions. */
    TEST_FAILURE("test_failure"),
    /** Lint, formatting, static analysis, security audits, coverage thresholds. */
    QUALITY_GATE("quality_gate"),
    /** Rollout, release, post-deploy health check or migration failures. */
    DEPLOYMENT("deployment"),
    /** Nothing in the error says what went wrong. */
    UNKNOWN("unknown");

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The category with this wire name. */
    public static Category fromWireName(String name) {
        for (Category c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category: " + name);
    }
}
