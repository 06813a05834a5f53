package dev.rebound.classifier.guidance;

import dev.rebound.classifier.classify.Classifier;
import dev.rebound.classifier.classify.Guidance;
import dev.rebound.contracts.error.Category;
import dev.rebound.kafka.web.BadRequestException;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /guidance/{category}}: what failures of a category are and what to do about them. */
@RestController
@RequestMapping("/guidance")
class GuidanceController {

    private final Classifier classifier;

    GuidanceController(Classifier classifier) {
        this.classifier = classifier;
    }

    @GetMapping
    List<Guidance> all() {
        return Arrays.stream(Category.values()).map(c -> classifier.rules().guidance(c).orElseThrow()).toList();
    }

    @GetMapping("/{category}")
    Guidance one(@PathVariable String category) {
        try {
            return classifier.rules().guidance(Category.fromWireName(category)).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("category", e.getMessage() + "; one of "
                    + Arrays.stream(Category.values()).map(Category::wireName).toList());
        }
    }
}
