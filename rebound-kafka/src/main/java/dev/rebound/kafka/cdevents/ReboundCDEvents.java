package dev.rebound.kafka.cdevents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.ServiceKey;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import java.time.Instant;

/**
 * Rebound's own CDEvents (spec 0.3.0), published only on {@code rebound.cdevents} so that Rebound never
 * consumes what it emits: {@code incident.detected}, {@code incident.resolved} and {@code service.rolledback}.
 */
public final class ReboundCDEvents {

    public static final String SPEC_VERSION = "0.3.0";
    public static final String INCIDENT_DETECTED = "dev.cdevents.incident.detected.0.1.0";
    public static final String INCIDENT_RESOLVED = "dev.cdevents.incident.resolved.0.1.0";
    public static final String SERVICE_ROLLEDBACK = "dev.cdevents.service.rolledback.0.1.1";

    private ReboundCDEvents() {
    }

    /** An incident was detected: an escalation or an unhealthy release, derived from {@code cause}. */
    public static OutboundEvent incidentDetected(IncomingEvent<?> cause, String incidentId, String service,
                                                 String environment, String description, String source, Instant now) {
        return incident(INCIDENT_DETECTED, cause, incidentId, service, environment, description, source, now);
    }

    /** An incident was resolved (a rolled-back release verified healthy), derived from {@code cause}. */
    public static OutboundEvent incidentResolved(IncomingEvent<?> cause, String incidentId, String service,
                                                 String environment, String description, String source, Instant now) {
        return incident(INCIDENT_RESOLVED, cause, incidentId, service, environment, description, source, now);
    }

    private static OutboundEvent incident(String type, IncomingEvent<?> cause, String incidentId, String service,
                                          String environment, String description, String source, Instant now) {
        String id = cause.deriveId(type);
        ObjectNode event = WireJson.mapper().createObjectNode();
        event.putObject("context").put("version", SPEC_VERSION).put("id", id).put("source", source)
                .put("type", type).put("timestamp", now.toString());
        ObjectNode content = event.putObject("subject").put("id", incidentId).put("source", source)
                .put("type", "incident").putObject("content");
        if (description != null) {
            content.put("description", description);
        }
        content.putObject("environment").put("id", environment);
        content.putObject("service").put("id", service);
        String key = ServiceKey.of(service, environment);
        return new OutboundEvent(Topics.CDEVENTS, key, id, type, source, now, cause.correlationId(), cause.id(),
                new CDEventData(event, key));
    }
}
