package dev.rebound.classifier.errors;

import dev.rebound.contracts.error.Category;
import dev.rebound.kafka.web.BadRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored classifications: {@code GET /errors} (filtered, newest first), {@code GET /errors/summary}
 * (counts by category, service and fingerprint over a window) and {@code GET /errors/groups} (fingerprint
 * groups with first and last seen). Windows default to the last 24 hours.
 */
@RestController
@Validated
@RequestMapping("/errors")
class ErrorsController {

    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final ErrorQueries queries;
    private final Clock clock;

    ErrorsController(ErrorQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** One stored classification. */
    record ErrorView(String eventId, Instant occurredAt, Object classification, String logExcerpt) {
    }

    @GetMapping
    List<ErrorView> errors(@RequestParam(required = false) String service,
                           @RequestParam(required = false) String environment,
                           @RequestParam(required = false) String category,
                           @RequestParam(name = "transient", required = false) Boolean transientFailure,
                           @RequestParam(required = false) String fingerprint,
                           @RequestParam(required = false) String operationId,
                           @RequestParam(required = false) Instant since,
                           @RequestParam(required = false) Instant until,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                           @RequestParam(defaultValue = "false") boolean excerpt) {
        ErrorQueries.Filter filter = filter(service, environment, category, transientFailure, fingerprint, operationId,
                since, until);
        return queries.errors(filter, limit, excerpt).stream()
                .map(e -> new ErrorView(e.eventId(), e.occurredAt(), e.classification(), e.logExcerpt())).toList();
    }

    @GetMapping("/summary")
    Map<String, Object> summary(@RequestParam(required = false) String service,
                                @RequestParam(required = false) String environment,
                                @RequestParam(required = false) Instant since,
                                @RequestParam(required = false) Instant until,
                                @RequestParam(defaultValue = "10") @Min(1) @Max(100) int top) {
        return queries.summary(filter(service, environment, null, null, null, null, since, until), top);
    }

    @GetMapping("/groups")
    List<Map<String, Object>> groups(@RequestParam(required = false) String service,
                                     @RequestParam(required = false) String environment,
                                     @RequestParam(required = false) String category,
                                     @RequestParam(required = false) Instant since,
                                     @RequestParam(required = false) Instant until,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return queries.groups(filter(service, environment, category, null, null, null, since, until), limit);
    }

    private ErrorQueries.Filter filter(String service, String environment, String category, Boolean transientFailure,
                                       String fingerprint, String operationId, Instant since, Instant until) {
        if (category != null) {
            try {
                Category.fromWireName(category);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("category", e.getMessage());
            }
        }
        Instant to = until == null ? clock.instant() : until;
        Instant from = since == null ? to.minus(DEFAULT_WINDOW) : since;
        if (!from.isBefore(to)) {
            throw new BadRequestException("since", "since must be before until");
        }
        return new ErrorQueries.Filter(service, environment, category, transientFailure, fingerprint, operationId, from, to);
    }
}
