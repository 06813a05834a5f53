package dev.rebound.classifier.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The classifier's settings ({@code rebound.classifier.*}).
 *
 * @param rulesFile a YAML rule file that extends and overrides the shipped rules; a bad file fails start-up
 *                  naming the rule and the key
 * @param retention how long classifications are kept
 */
@Validated
@ConfigurationProperties("rebound.classifier")
public record ClassifierProperties(Path rulesFile, @NotNull @DefaultValue("90d") Duration retention) {
}
