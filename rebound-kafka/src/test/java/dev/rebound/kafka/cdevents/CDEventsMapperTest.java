package dev.rebound.kafka.cdevents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdevents.CDEvents;
import dev.cdevents.events.PipelinerunFinishedCDEvent;
import dev.cdevents.events.ServiceDeployedCDEvent;
import dev.cdevents.events.ServiceRolledbackCDEvent;
import dev.cdevents.events.ServiceUpgradedCDEvent;
import dev.cdevents.events.TaskrunFinishedCDEvent;
import dev.cdevents.models.CDEvent;
import dev.rebound.contracts.DeadLetterHeaders;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.deployment.DeploymentEvent;
import dev.rebound.contracts.deployment.DeploymentSucceeded;
import dev.rebound.contracts.deployment.RollbackSucceeded;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.kafka.cloudevents.Decoded;
import dev.rebound.kafka.cloudevents.Records;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import jakarta.validation.Validation;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CDEvents built with the CDEvents Java SDK become Rebound events through the codec. */
class CDEventsMapperTest {

    private static final Set<EventType> DEPLOYMENTS = EnumSet.copyOf(
            java.util.Arrays.stream(EventType.values()).filter(t -> t.topic().equals(Topics.DEPLOYMENT_EVENTS)).toList());
    private static final Set<EventType> ERRORS = Set.of(EventType.ERROR_REPORTED);

    private final CloudEventCodec codec = new CloudEventCodec(Validation.buildDefaultValidatorFactory().getValidator(),
            new CDEventsMapper());

    @Test
    void serviceDeployedBecomesADeploymentThatSucceeded() {
        ServiceDeployedCDEvent deployed = new ServiceDeployedCDEvent();
        deployed.setSource(URI.create("/argocd/prod"));
        deployed.setSubjectId("checkout");
        deployed.setSubjectEnvironmentId("production");
        deployed.setSubjectArtifactId("pkg:oci/checkout@v2.14.0?repository_url=ghcr.io/acme");

        DeploymentSucceeded succeeded = (DeploymentSucceeded) accepted(deployed, Topics.DEPLOYMENT_EVENTS, DEPLOYMENTS);

        assertThat(succeeded.service()).isEqualTo("checkout");
        assertThat(succeeded.environment()).isEqualTo("production");
        assertThat(succeeded.version()).isEqualTo("v2.14.0");
        assertThat(succeeded.deploymentId()).isEqualTo(deployed.getContext().getId());
        assertThat(succeeded.occurredAt()).isNotNull();
    }

    @Test
    void serviceUpgradedTakesServiceEnvironmentAndVersionFromCustomDataFirst() {
        ServiceUpgradedCDEvent upgraded = new ServiceUpgradedCDEvent();
        upgraded.setSource(URI.create("/spinnaker"));
        upgraded.setSubjectId("service/checkout");
        upgraded.setSubjectEnvironmentId("prod-eu-1");
        upgraded.setSubjectArtifactId("pkg:oci/checkout@sha256%3Aabc123");
        upgraded.setCustomData(Map.of("service", "checkout", "environment", "production", "deploymentId", "dep-9",
                "previousVersion", "2.13.4", "strategy", "canary"));

        DeploymentSucceeded succeeded = (DeploymentSucceeded) accepted(upgraded, Topics.DEPLOYMENT_EVENTS, DEPLOYMENTS);

        assertThat(succeeded.service()).isEqualTo("checkout");
        assertThat(succeeded.environment()).isEqualTo("production");
        assertThat(succeeded.version()).isEqualTo("sha256:abc123");
        assertThat(succeeded.deploymentId()).isEqualTo("dep-9");
        assertThat(succeeded.previousVersion()).isEqualTo("2.13.4");
        assertThat(succeeded.strategy()).hasToString("CANARY");
    }

    @Test
    void serviceRolledbackBecomesARollbackDoneOutsideRebound() {
        ServiceRolledbackCDEvent rolledback = new ServiceRolledbackCDEvent();
        rolledback.setSource(URI.create("/flux/prod"));
        rolledback.setSubjectId("checkout");
        rolledback.setSubjectEnvironmentId("production");
        rolledback.setSubjectArtifactId("pkg:oci/checkout@v2.13.4");

        RollbackSucceeded rollback = (RollbackSucceeded) accepted(rolledback, Topics.DEPLOYMENT_EVENTS, DEPLOYMENTS);

        assertThat(rollback.commandId()).isEqualTo(rolledback.getContext().getId());
        assertThat(rollback.version()).isEqualTo("v2.13.4");
        assertThat(rollback.reason()).contains("/flux/prod");
    }

    @Test
    void aFailedPipelineRunBecomesAnErrorEvent() {
        PipelinerunFinishedCDEvent finished = new PipelinerunFinishedCDEvent();
        finished.setSource(URI.create("/tekton/ci"));
        finished.setSubjectId("run-8812");
        finished.setSubjectPipelineName("build-checkout");
        finished.setSubjectUrl("https://ci.example.com/runs/8812");
        finished.setSubjectOutcome("failure");
        finished.setSubjectErrors("step compile exited with 1");
        finished.setCustomData(Map.of("service", "checkout", "environment", "ci", "exitCode", 1,
                "log", "[ERROR] Cart.java:[42,17] cannot find symbol"));

        ErrorEvent error = (ErrorEvent) accepted(finished, Topics.ERROR_EVENTS, ERRORS);

        assertThat(error.operationId()).isEqualTo("run-8812");
        assertThat(error.service()).isEqualTo("checkout");
        assertThat(error.environment()).isEqualTo("ci");
        assertThat(error.pipeline()).isEqualTo("build-checkout");
        assertThat(error.message()).isEqualTo("step compile exited with 1");
        assertThat(error.exitCode()).isEqualTo(1);
        assertThat(error.log()).contains("cannot find symbol");
        assertThat(error.attempt()).isEqualTo(1);
        assertThat(error.labels()).containsEntry("cdevents.url", "https://ci.example.com/runs/8812")
                .containsEntry("cdevents.source", "/tekton/ci");
    }

    @Test
    void aTaskRunThatErroredBecomesAnErrorEventOfItsStep() {
        TaskrunFinishedCDEvent finished = new TaskrunFinishedCDEvent();
        finished.setSource(URI.create("/tekton/ci"));
        finished.setSubjectId("taskrun-17");
        finished.setSubjectTaskName("docker-push");
        finished.setSubjectOutcome("error");
        finished.setSubjectPipelineRunId("run-8812");

        ErrorEvent error = (ErrorEvent) accepted(finished, Topics.ERROR_EVENTS, ERRORS);

        assertThat(error.operationId()).isEqualTo("taskrun-17");
        assertThat(error.step()).isEqualTo("docker-push");
        assertThat(error.service()).isEqualTo("unknown");
        assertThat(error.environment()).isEqualTo("unknown");
    }

    @Test
    void aSuccessfulRunIsIgnoredNotDeadLettered() {
        PipelinerunFinishedCDEvent finished = new PipelinerunFinishedCDEvent();
        finished.setSource(URI.create("/tekton/ci"));
        finished.setSubjectId("run-8813");
        finished.setSubjectPipelineName("build-checkout");
        finished.setSubjectOutcome("success");

        assertThat(codec.decode(Records.consumed(Topics.ERROR_EVENTS, CDEvents.cdEventAsCloudEvent(finished)), ERRORS))
                .isInstanceOf(Decoded.Ignored.class);
    }

    @Test
    void anyZeroXSpecVersionIsAccepted() {
        ServiceDeployedCDEvent deployed = new ServiceDeployedCDEvent();
        deployed.setSource(URI.create("/old-tool"));
        deployed.setSubjectId("checkout");
        deployed.setSubjectEnvironmentId("production");
        deployed.setSubjectArtifactId("pkg:oci/checkout@v1");
        CloudEvent asOldVersion = CloudEventBuilder.v1(CDEvents.cdEventAsCloudEvent(deployed))
                .withType("dev.cdevents.service.deployed.0.1.0").build();

        assertThat(codec.decode(Records.consumed(Topics.DEPLOYMENT_EVENTS, asOldVersion), DEPLOYMENTS))
                .isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void aOneXSpecVersionOrACDEventOnTheWrongTopicIsRefused() {
        ServiceDeployedCDEvent deployed = new ServiceDeployedCDEvent();
        deployed.setSource(URI.create("/future-tool"));
        deployed.setSubjectId("checkout");
        deployed.setSubjectEnvironmentId("production");
        deployed.setSubjectArtifactId("pkg:oci/checkout@v1");
        CloudEvent future = CloudEventBuilder.v1(CDEvents.cdEventAsCloudEvent(deployed))
                .withType("dev.cdevents.service.deployed.1.0.0").build();

        assertThat(codec.decode(Records.consumed(Topics.DEPLOYMENT_EVENTS, future), DEPLOYMENTS))
                .isInstanceOfSatisfying(Decoded.Rejected.class,
                        r -> assertThat(r.rejection().kind()).isEqualTo(DeadLetterHeaders.KIND_MALFORMED_DATA));
        assertThat(codec.decode(Records.consumed(Topics.ERROR_EVENTS, CDEvents.cdEventAsCloudEvent(deployed)), ERRORS))
                .isInstanceOfSatisfying(Decoded.Rejected.class,
                        r -> assertThat(r.rejection().kind()).isEqualTo(DeadLetterHeaders.KIND_UNKNOWN_TYPE));
    }

    @Test
    void theContextSpecVersionDecides() {
        String spec041 = taskRunFinished("0.4.1");
        assertThat(codec.decode(Records.consumed(Topics.ERROR_EVENTS, cloudEvent(spec041)), ERRORS))
                .isInstanceOfSatisfying(Decoded.Accepted.class,
                        a -> assertThat(((ErrorEvent) a.event().data()).step()).isEqualTo("docker-push"));

        assertThat(codec.decode(Records.consumed(Topics.ERROR_EVENTS, cloudEvent(taskRunFinished("1.0.0"))), ERRORS))
                .isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
                    assertThat(r.rejection().field()).isEqualTo("context.version");
                    assertThat(r.rejection().reason()).contains("1.0.0");
                });
    }

    @Test
    void aBadPercentEscapeInAPackageUrlKeepsTheVersionAsWritten() {
        assertThat(CDEventsMapper.purlVersion("pkg:oci/app@v1%ZZ")).isEqualTo("v1%ZZ");
    }

    /** The README's kcat example, as a CDEvents 0.4 tool would send it. */
    private static String taskRunFinished(String specVersion) {
        return "{\"context\":{\"version\":\"" + specVersion + "\",\"id\":\"c-1\",\"source\":\"/tekton\","
                + "\"type\":\"dev.cdevents.taskrun.finished.0.2.0\",\"timestamp\":\"2026-11-23T21:00:00Z\"},"
                + "\"subject\":{\"id\":\"taskrun-17\",\"content\":{\"taskName\":\"docker-push\","
                + "\"outcome\":\"failure\",\"errors\":\"push timed out\"}},"
                + "\"customData\":{\"service\":\"checkout\",\"environment\":\"staging\"}}";
    }

    private static CloudEvent cloudEvent(String cdevent) {
        return CloudEventBuilder.v1().withId("c-1").withSource(URI.create("/tekton"))
                .withType("dev.cdevents.taskrun.finished.0.2.0").withDataContentType("application/json")
                .withData(cdevent.getBytes()).build();
    }

    @Test
    void packageUrlVersionsAreDecoded() {
        assertThat(CDEventsMapper.purlVersion("pkg:oci/checkout@sha256%3Aabc?repository_url=x")).isEqualTo("sha256:abc");
        assertThat(CDEventsMapper.purlVersion("pkg:maven/dev.acme/app@1.2.3")).isEqualTo("1.2.3");
        assertThat(CDEventsMapper.purlVersion("pkg:oci/checkout")).isNull();
        assertThat(CDEventsMapper.purlVersion("checkout:1.2.3")).isNull();
    }

    private Object accepted(CDEvent event, String topic, Set<EventType> accepted) {
        Decoded decoded = codec.decode(Records.consumed(topic, CDEvents.cdEventAsCloudEvent(event)), accepted);
        assertThat(decoded).isInstanceOf(Decoded.Accepted.class);
        Object data = ((Decoded.Accepted) decoded).event().data();
        if (data instanceof DeploymentEvent deployment) {
            assertThat(deployment.key()).isEqualTo(deployment.service() + "@" + deployment.environment());
        }
        return data;
    }
}
