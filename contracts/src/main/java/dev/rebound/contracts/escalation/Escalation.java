package dev.rebound.contracts.escalation;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.error.Category;
import dev.rebound.contracts.error.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;

/**
 * Something people must know about: {@code rebound.escalation.raised.v1} on {@code rebound.escalations},
 * keyed by {@code fingerprint} (failures) or {@code service@environment} (releases). The notifier turns
 * escalations into alerts.
 *
 * @param escalationId the escalation's id (deterministic: a redelivery raises nothing new)
 * @param fingerprint  the failure group or release it is about; the record key
 * @param severity     low, medium, high or critical
 * @param reason       one of {@link EscalationReason}'s values, or another lowercase reason
 * @param category     the failure category, for failures
 * @param service      the service concerned
 * @param environment  where
 * @param title        one line for a notification's subject
 * @param summary      a few lines of context
 * @param count        how many occurrences it groups (absent means 1)
 * @param evidence     the decisive lines or measurements, secrets redacted
 * @param links        where to look (logs, dashboards, the deployment)
 * @param occurredAt   when it was raised
 */
public record Escalation(
        @NotBlank String escalationId,
        @NotBlank String fingerprint,
        @NotNull Severity severity,
        @NotBlank String reason,
        Category category,
        @NotBlank String service,
        @NotBlank String environment,
        @NotBlank String title,
        String summary,
        @Positive Integer count,
        List<String> evidence,
        List<@Valid Link> links,
        @NotNull Instant occurredAt) implements EventData {

    public Escalation {
        evidence = evidence == null ? null : List.copyOf(evidence);
        links = links == null ? null : List.copyOf(links);
    }

    @Override
    public String key() {
        return fingerprint;
    }

    /**
     * A link for people to follow.
     *
     * @param rel  what it points at ({@code logs}, {@code dashboard}, {@code deployment}, …)
     * @param href the URL
     */
    public record Link(@NotBlank String rel, @NotBlank String href) {
    }
}
