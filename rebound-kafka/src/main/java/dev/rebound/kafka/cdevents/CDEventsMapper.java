package dev.rebound.kafka.cdevents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.contracts.EventData;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.deployment.DeploymentSucceeded;
import dev.rebound.contracts.deployment.RollbackSucceeded;
import dev.rebound.contracts.deployment.Strategy;
import dev.rebound.contracts.error.ErrorEvent;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns CDEvents (any 0.x spec version) into Rebound events, following the field table in the AsyncAPI
 * document: {@code service.{deployed,upgraded,rolledback}} into deployment events,
 * {@code {pipelinerun,taskrun}.finished} with outcome failure or error into error events. Other CDEvents,
 * and runs that did not fail, are valid but of no use to Rebound: the mapping is empty.
 */
public final class CDEventsMapper {

    private static final String PREFIX = "dev.cdevents.";
    private static final Pattern TYPE = Pattern.compile(
            "^dev\\.cdevents\\.([a-z]+)\\.([a-z]+)\\.(\\d+)\\.(\\d+)\\.(\\d+)(?:-[0-9A-Za-z.-]+)?$");
    private static final String UNKNOWN = "unknown";

    /** A CDEvent mapped to a Rebound event. */
    public record Mapped(EventType type, EventData data) {
    }

    /** A CDEvent whose envelope or data cannot be read; {@code field} names the CDEvents field. */
    public static final class MalformedCDEvent extends RuntimeException {
        private final String field;

        MalformedCDEvent(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static boolean isCDEvent(String type) {
        return type != null && type.startsWith(PREFIX);
    }

    /**
     * The Rebound event a CDEvent stands for, or empty when Rebound has no use for it.
     *
     * @throws MalformedCDEvent when the type is not a 0.x CDEvents type or the data is not a CDEvent
     */
    public Optional<Mapped> map(CloudEvent event) {
        Matcher type = TYPE.matcher(event.getType());
        if (!type.matches()) {
            throw new MalformedCDEvent(null, "not a CDEvents type: " + event.getType());
        }
        if (!"0".equals(type.group(3))) {
            throw new MalformedCDEvent(null, "CDEvents spec version " + type.group(3) + ".x is not supported (0.x is)");
        }
        String subjectAndPredicate = type.group(1) + "." + type.group(2);
        boolean mapped = switch (subjectAndPredicate) {
            case "service.deployed", "service.upgraded", "service.rolledback", "pipelinerun.finished",
                 "taskrun.finished" -> true;
            default -> false;
        };
        if (!mapped) {
            return Optional.empty();
        }
        JsonNode root = read(event);
        String specVersion = text(root.path("context"), "version");
        if (specVersion != null && !specVersion.startsWith("0.")) {
            throw new MalformedCDEvent("context.version", "CDEvents spec version " + specVersion
                    + " is not supported (0.x is)");
        }
        return switch (subjectAndPredicate) {
            case "service.deployed", "service.upgraded" -> Optional.of(deployment(root, event));
            case "service.rolledback" -> Optional.of(rollback(root, event));
            default -> failure(root, event, type.group(1));
        };
    }

    private static Mapped deployment(JsonNode root, CloudEvent event) {
        JsonNode custom = custom(root);
        JsonNode content = root.path("subject").path("content");
        return new Mapped(EventType.DEPLOYMENT_SUCCEEDED, new DeploymentSucceeded(
                first(text(custom, "deploymentId"), text(root.path("context"), "id")),
                service(root, custom),
                first(text(custom, "environment"), text(content.path("environment"), "id"), UNKNOWN),
                first(text(custom, "version"), purlVersion(text(content, "artifactId"))),
                text(custom, "previousVersion"),
                text(custom, "commit"),
                strategy(text(custom, "strategy")),
                occurredAt(root, event)));
    }

    private static Mapped rollback(JsonNode root, CloudEvent event) {
        JsonNode custom = custom(root);
        JsonNode content = root.path("subject").path("content");
        return new Mapped(EventType.ROLLBACK_SUCCEEDED, new RollbackSucceeded(
                first(text(custom, "commandId"), text(root.path("context"), "id")),
                text(custom, "deploymentId"),
                service(root, custom),
                first(text(custom, "environment"), text(content.path("environment"), "id"), UNKNOWN),
                first(text(custom, "version"), purlVersion(text(content, "artifactId"))),
                text(custom, "previousVersion"),
                first(text(custom, "reason"), "rolled back outside Rebound by " + event.getSource()),
                occurredAt(root, event)));
    }

    private static Optional<Mapped> failure(JsonNode root, CloudEvent event, String run) {
        JsonNode content = root.path("subject").path("content");
        String outcome = text(content, "outcome");
        if (!"failure".equals(outcome) && !"error".equals(outcome)) {
            return Optional.empty();
        }
        JsonNode custom = custom(root);
        Map<String, String> labels = new LinkedHashMap<>();
        custom.path("labels").fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
        });
        labels.put("cdevents.type", event.getType());
        labels.put("cdevents.source", event.getSource().toString());
        if (text(content, "url") != null) {
            labels.put("cdevents.url", text(content, "url"));
        }
        return Optional.of(new Mapped(EventType.ERROR_REPORTED, new ErrorEvent(
                first(text(custom, "operationId"), text(root.path("subject"), "id")),
                first(text(custom, "service"), UNKNOWN),
                first(text(custom, "environment"), UNKNOWN),
                first(text(content, "pipelineName"), text(custom, "pipeline")),
                "taskrun".equals(run) ? first(text(content, "taskName"), text(custom, "step")) : text(custom, "step"),
                integer(custom, "attempt"),
                integer(custom, "exitCode"),
                text(custom, "signal"),
                text(custom, "target"),
                first(text(content, "errors"), text(custom, "message"),
                        run + " finished with outcome " + outcome),
                text(custom, "log"),
                occurredAt(root, event),
                labels)));
    }

    private static JsonNode read(CloudEvent event) {
        if (event.getData() == null) {
            throw new MalformedCDEvent(null, event.getType() + " has no data");
        }
        try {
            JsonNode root = WireJson.mapper().readTree(event.getData().toBytes());
            if (root == null || !root.isObject() || !root.path("subject").isObject()) {
                throw new MalformedCDEvent("subject", event.getType() + " data has no subject object");
            }
            return root;
        } catch (IOException e) {
            throw new MalformedCDEvent(null, event.getType() + " data is not JSON: " + e.getMessage());
        }
    }

    /** {@code customData}: an object, or a JSON document in a string. */
    private static JsonNode custom(JsonNode root) {
        JsonNode custom = root.path("customData");
        if (custom.isTextual()) {
            try {
                JsonNode parsed = WireJson.mapper().readTree(custom.asText());
                return parsed == null ? WireJson.mapper().missingNode() : parsed;
            } catch (IOException e) {
                return WireJson.mapper().missingNode();
            }
        }
        return custom;
    }

    private static String service(JsonNode root, JsonNode custom) {
        return first(text(custom, "service"), text(root.path("subject"), "id"), UNKNOWN);
    }

    private static Instant occurredAt(JsonNode root, CloudEvent event) {
        String timestamp = text(root.path("context"), "timestamp");
        if (timestamp != null) {
            try {
                return OffsetDateTime.parse(timestamp).toInstant();
            } catch (DateTimeParseException e) {
                throw new MalformedCDEvent("context.timestamp", "context.timestamp is not RFC 3339: " + timestamp);
            }
        }
        return event.getTime() == null ? null : event.getTime().toInstant();
    }

    /** The version in a package URL ({@code pkg:oci/checkout@v2.14.0?repository_url=…}). */
    static String purlVersion(String purl) {
        if (purl == null || !purl.startsWith("pkg:")) {
            return null;
        }
        int at = purl.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String version = purl.substring(at + 1).split("[?#]", 2)[0];
        if (version.isEmpty()) {
            return null;
        }
        try {
            return URLDecoder.decode(version, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return version; // a bad percent-escape: the version as written
        }
    }

    private static Strategy strategy(String name) {
        return name == null ? null : Arrays.stream(Strategy.values())
                .filter(s -> s.wireName().equals(name)).findFirst().orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.isBlank() ? null : text;
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToInt() ? value.asInt() : null;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
