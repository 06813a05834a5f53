package dev.rebound.contracts;

import dev.rebound.contracts.breaker.BreakerState;
import dev.rebound.contracts.deployment.DeploymentFailed;
import dev.rebound.contracts.deployment.DeploymentPromoted;
import dev.rebound.contracts.deployment.DeploymentStageChanged;
import dev.rebound.contracts.deployment.DeploymentStarted;
import dev.rebound.contracts.deployment.DeploymentSucceeded;
import dev.rebound.contracts.deployment.RollbackFailed;
import dev.rebound.contracts.deployment.RollbackStarted;
import dev.rebound.contracts.deployment.RollbackSucceeded;
import dev.rebound.contracts.deployment.RollbackVerificationFailed;
import dev.rebound.contracts.deployment.RollbackVerified;
import dev.rebound.contracts.deployment.StepFailed;
import dev.rebound.contracts.deployment.StepSucceeded;
import dev.rebound.contracts.error.Classification;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.contracts.error.RetryRequest;
import dev.rebound.contracts.escalation.Escalation;
import dev.rebound.contracts.health.HealthSample;
import dev.rebound.contracts.health.HealthVerdict;
import dev.rebound.contracts.retry.RetryCommand;
import dev.rebound.contracts.rollback.RollbackCommand;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every Rebound event type (CloudEvents {@code type}), the record that is its {@code data}, and the
 * topic it travels on. Types are versioned; a breaking change is a new version, never an edit.
 */
public enum EventType {
    ERROR_REPORTED("rebound.error.reported.v1", ErrorEvent.class, Topics.ERROR_EVENTS),
    ERROR_CLASSIFIED("rebound.error.classified.v1", Classification.class, Topics.CLASSIFICATIONS),
    RETRY_REQUESTED("rebound.retry.requested.v1", RetryRequest.class, Topics.RETRY_REQUESTS),
    RETRY_DUE("rebound.retry.due.v1", RetryCommand.class, Topics.RETRY_COMMANDS),
    HEALTH_SAMPLED("rebound.health.sampled.v1", HealthSample.class, Topics.HEALTH_SAMPLES),
    HEALTH_EVALUATED("rebound.health.evaluated.v1", HealthVerdict.class, Topics.HEALTH_VERDICTS),
    DEPLOYMENT_STARTED("rebound.deployment.started.v1", DeploymentStarted.class, Topics.DEPLOYMENT_EVENTS),
    DEPLOYMENT_SUCCEEDED("rebound.deployment.succeeded.v1", DeploymentSucceeded.class, Topics.DEPLOYMENT_EVENTS),
    DEPLOYMENT_FAILED("rebound.deployment.failed.v1", DeploymentFailed.class, Topics.DEPLOYMENT_EVENTS),
    DEPLOYMENT_STAGE_CHANGED("rebound.deployment.stage-changed.v1", DeploymentStageChanged.class,
            Topics.DEPLOYMENT_EVENTS),
    DEPLOYMENT_PROMOTED("rebound.deployment.promoted.v1", DeploymentPromoted.class, Topics.DEPLOYMENT_EVENTS),
    STEP_SUCCEEDED("rebound.step.succeeded.v1", StepSucceeded.class, Topics.DEPLOYMENT_EVENTS),
    STEP_FAILED("rebound.step.failed.v1", StepFailed.class, Topics.DEPLOYMENT_EVENTS),
    ROLLBACK_STARTED("rebound.rollback.started.v1", RollbackStarted.class, Topics.DEPLOYMENT_EVENTS),
    ROLLBACK_SUCCEEDED("rebound.rollback.succeeded.v1", RollbackSucceeded.class, Topics.DEPLOYMENT_EVENTS),
    ROLLBACK_FAILED("rebound.rollback.failed.v1", RollbackFailed.class, Topics.DEPLOYMENT_EVENTS),
    ROLLBACK_VERIFIED("rebound.rollback.verified.v1", RollbackVerified.class, Topics.DEPLOYMENT_EVENTS),
    ROLLBACK_VERIFICATION_FAILED("rebound.rollback.verification-failed.v1", RollbackVerificationFailed.class,
            Topics.DEPLOYMENT_EVENTS),
    ROLLBACK_REQUESTED("rebound.rollback.requested.v1", RollbackCommand.class, Topics.ROLLBACK_COMMANDS),
    ESCALATION_RAISED("rebound.escalation.raised.v1", Escalation.class, Topics.ESCALATIONS),
    BREAKER_CHANGED("rebound.breaker.changed.v1", BreakerState.class, Topics.BREAKER_STATES);

    private final String type;
    private final Class<? extends EventData> dataClass;
    private final String topic;

    EventType(String type, Class<? extends EventData> dataClass, String topic) {
        this.type = type;
        this.dataClass = dataClass;
        this.topic = topic;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    /** The record that is this type's {@code data}. */
    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** The topic this type travels on. */
    public String topic() {
        return topic;
    }

    /** The JSON Schema resource of this type's data, in this jar. */
    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }

    /** The event type with this CloudEvents {@code type}, if it is a Rebound type. */
    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The event type whose data is {@code dataClass}. */
    public static EventType forData(Class<? extends EventData> dataClass) {
        return Arrays.stream(values()).filter(t -> t.dataClass.equals(dataClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + dataClass.getName()));
    }
}
