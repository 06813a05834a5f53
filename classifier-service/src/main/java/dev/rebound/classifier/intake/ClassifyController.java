package dev.rebound.classifier.intake;

import dev.rebound.contracts.error.Classification;
import dev.rebound.contracts.error.ErrorEvent;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /classify}: an error event in (the same JSON as on {@code rebound.error-events}), its
 * classification out, exactly as the stream would make it. Nothing is stored or published.
 */
@RestController
class ClassifyController {

    private final ClassificationService classifications;
    private final Clock clock;

    ClassifyController(ClassificationService classifications, Clock clock) {
        this.classifications = classifications;
        this.clock = clock;
    }

    @PostMapping("/classify")
    Classification classify(@Valid @RequestBody ErrorEvent event) {
        return classifications.classify(List.of(event), clock.instant()).get(0).classification();
    }
}
