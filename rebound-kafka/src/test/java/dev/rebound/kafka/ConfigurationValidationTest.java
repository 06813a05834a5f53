package dev.rebound.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.kafka.web.HttpProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Bad configuration fails start-up, and the message names the key. */
class ConfigurationValidationTest {

    @Configuration
    @EnableConfigurationProperties({HttpProperties.class, ReboundKafkaProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class)
            .withPropertyValues("rebound.kafka.source=/rebound/test", "rebound.http.token=0123456789abcdef");

    @Test
    void aValidConfigurationStarts() {
        context.run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void aMissingTokenFailsNamingTheKey() {
        context.withPropertyValues("rebound.http.token=").run(failed -> assertThat(failed).getFailure()
                .rootCause().hasMessageContaining("rebound.http.token"));
    }

    @Test
    void aShortTokenFailsNamingTheKey() {
        context.withPropertyValues("rebound.http.token=short").run(failed -> assertThat(failed).getFailure()
                .rootCause().hasMessageContaining("rebound.http.token"));
    }

    @Test
    void aBadRetrySettingFailsNamingTheKey() {
        context.withPropertyValues("rebound.kafka.retry.multiplier=0.5").run(failed -> assertThat(failed)
                .getFailure().rootCause().hasMessageContaining("rebound.kafka.retry.multiplier"));
        context.withPropertyValues("rebound.kafka.outbox.relay-interval=soon").run(failed -> assertThat(failed)
                .getFailure().rootCause().hasMessageContaining("soon"));
    }
}
