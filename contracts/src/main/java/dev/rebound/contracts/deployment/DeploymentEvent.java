package dev.rebound.contracts.deployment;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.ServiceKey;
import java.time.Instant;

/**
 * Something that happened to a release, on {@code rebound.deployment-events}, keyed by
 * {@code service@environment} so that everything about one service in one environment stays in order.
 * Platforms publish deployment and step events; the rollback-service publishes rollback and stage events.
 */
public sealed interface DeploymentEvent extends EventData
        permits DeploymentStarted, DeploymentSucceeded, DeploymentFailed, DeploymentStageChanged,
        DeploymentPromoted, StepSucceeded, StepFailed, RollbackStarted, RollbackSucceeded, RollbackFailed,
        RollbackVerified, RollbackVerificationFailed {

    String service();

    String environment();

    Instant occurredAt();

    @Override
    default String key() {
        return ServiceKey.of(service(), environment());
    }
}
