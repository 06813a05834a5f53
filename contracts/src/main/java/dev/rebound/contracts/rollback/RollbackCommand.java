package dev.rebound.contracts.rollback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.contracts.EventData;
import dev.rebound.contracts.ServiceKey;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/**
 * Roll a service back: {@code rebound.rollback.requested.v1} on {@code rebound.rollback-commands},
 * keyed by {@code service@environment}. Sent by the health-monitor, by people (API, CLI) and by
 * escalation policies; executed at most once per {@code commandId}.
 *
 * @param commandId     the idempotency key: a redelivered command never rolls back twice
 * @param service       the service to roll back
 * @param environment   where
 * @param reason        why (shown to people and recorded)
 * @param deploymentId  the deployment being undone, if known
 * @param fromVersion   the version to leave, if known
 * @param targetVersion the version to restore; absent means the last stable version
 * @param requestedBy   {@code health-monitor}, {@code user:<name>}, …
 * @param evidence      what the decision was based on (a verdict's window and breaches, …)
 * @param dryRun        only show what would happen (absent means false)
 * @param force         roll back even if the target is not known to be stable (absent means false)
 * @param requestedAt   when the command was issued
 */
public record RollbackCommand(
        @NotBlank String commandId,
        @NotBlank String service,
        @NotBlank String environment,
        @NotBlank String reason,
        String deploymentId,
        String fromVersion,
        String targetVersion,
        String requestedBy,
        JsonNode evidence,
        Boolean dryRun,
        Boolean force,
        Instant requestedAt) implements EventData {

    @Override
    public String key() {
        return ServiceKey.of(service, environment);
    }

    /** Whether only a plan is wanted. */
    @JsonIgnore
    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /** Whether to roll back to a target not known to be stable. */
    @JsonIgnore
    public boolean isForced() {
        return Boolean.TRUE.equals(force);
    }
}
