package dev.rebound.contracts.escalation;

/** The escalation reasons Rebound's services raise. The set is open: consumers must accept others. */
public final class EscalationReason {

    public static final String PERMANENT_FAILURE = "permanent-failure";
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";
    public static final String BREAKER_OPEN = "breaker-open";
    public static final String BUDGET_EXCEEDED = "budget-exceeded";
    public static final String UNHEALTHY_RELEASE = "unhealthy-release";
    public static final String ROLLBACK_FAILED = "rollback-failed";
    public static final String VERIFICATION_FAILED = "verification-failed";

    private EscalationReason() {
    }
}
