package dev.rebound.kafka.deadletter;

import dev.rebound.kafka.web.BadRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /dlt} lists this service's dead letters; {@code POST /dlt/replay} replays them. Token required. */
@RestController
@Validated
@RequestMapping("/dlt")
public class DeadLetterController {

    private final DeadLetterStore store;

    public DeadLetterController(DeadLetterStore store) {
        this.store = store;
    }

    /** The listing; {@code complete} is false when the dead-letter topics could not be read to their end in time. */
    public record Listing(String consumerGroup, List<String> topics, int count, boolean complete,
                          List<DeadLetter> deadLetters) {
    }

    /**
     * Which dead letters to replay: {@code entries}, or {@code all} (optionally of one {@code topic}).
     *
     * @param entries     the dead letters to replay
     * @param all         replay every dead letter not replayed yet
     * @param topic       with {@code all}: only this source or dead-letter topic
     * @param requestedBy who asks, recorded with the replay
     */
    public record ReplayRequest(List<@Valid Entry> entries, Boolean all, String topic, String requestedBy) {
    }

    /** One dead letter's address. */
    public record Entry(@NotBlank String topic, @PositiveOrZero int partition, @PositiveOrZero long offset) {
    }

    @GetMapping
    public Listing list(@RequestParam(required = false) String topic,
                        @RequestParam(defaultValue = "false") boolean includeReplayed,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1_000) int limit) {
        DeadLetterStore.Page page = fetch(topic, includeReplayed, limit);
        return new Listing(store.consumerGroup(), store.deadLetterTopics(), page.deadLetters().size(), page.complete(),
                page.deadLetters());
    }

    @PostMapping("/replay")
    public DeadLetterStore.ReplayResult replay(@Valid @RequestBody ReplayRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        boolean hasEntries = request.entries() != null && !request.entries().isEmpty();
        if (all == hasEntries) {
            throw new BadRequestException(hasEntries ? "all" : "entries",
                    "give either the entries to replay or \"all\": true");
        }
        List<DeadLetterStore.Ref> refs = hasEntries
                ? request.entries().stream().map(e -> new DeadLetterStore.Ref(e.topic(), e.partition(), e.offset())).toList()
                : List.of();
        String by = request.requestedBy() == null || request.requestedBy().isBlank() ? "api" : request.requestedBy();
        try {
            return store.replay(refs, all, request.topic(), by);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("topic", e.getMessage());
        }
    }

    private DeadLetterStore.Page fetch(String topic, boolean includeReplayed, int limit) {
        try {
            return store.list(topic, includeReplayed, limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("topic", e.getMessage());
        }
    }
}
