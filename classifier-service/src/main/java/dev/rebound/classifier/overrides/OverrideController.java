package dev.rebound.classifier.overrides;

import dev.rebound.kafka.web.BadRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code PUT /fingerprints/{fp}} marks a failure group transient or permanent (who and why required);
 * {@code DELETE} removes the mark; {@code GET /fingerprints} lists the marks. The mark wins over the rules.
 */
@RestController
@RequestMapping("/fingerprints")
class OverrideController {

    private final OverrideStore store;
    private final Clock clock;

    OverrideController(OverrideStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param transientFailure true to retry failures of the group, false to escalate them (JSON {@code transient})
     * @param reason           why
     * @param setBy            who
     */
    record Mark(@com.fasterxml.jackson.annotation.JsonProperty("transient") @NotNull Boolean transientFailure,
                @NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 200) String setBy) {
    }

    @GetMapping
    List<Override> all() {
        return store.all();
    }

    @GetMapping("/{fingerprint}")
    Override one(@PathVariable String fingerprint) {
        return store.find(fingerprint).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no override for fingerprint " + fingerprint));
    }

    @PutMapping("/{fingerprint}")
    ResponseEntity<Override> put(@PathVariable String fingerprint, @Valid @RequestBody Mark mark) {
        if (!fingerprint.matches("[0-9a-f]{16}")) {
            throw new BadRequestException("fingerprint", "a fingerprint is 16 hexadecimal characters, as in classifications");
        }
        Override override = new Override(fingerprint, mark.transientFailure(), mark.reason(), mark.setBy(), clock.instant());
        boolean created = store.put(override);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(override);
    }

    @DeleteMapping("/{fingerprint}")
    ResponseEntity<Void> delete(@PathVariable String fingerprint) {
        if (!store.delete(fingerprint)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no override for fingerprint " + fingerprint);
        }
        return ResponseEntity.noContent().build();
    }
}
