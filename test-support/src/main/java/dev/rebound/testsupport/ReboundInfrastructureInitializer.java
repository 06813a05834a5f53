package dev.rebound.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot application under test at the shared real broker and database, with a known
 * HTTP token. Used by {@link ReboundServiceTest}.
 */
public class ReboundInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bearer token services under test accept. */
    public static final String TOKEN = "test-token-0123456789abcdef";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("rebound-test-infrastructure", Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                "spring.datasource.url", infrastructure.jdbcUrl(),
                "spring.datasource.username", infrastructure.username(),
                "spring.datasource.password", infrastructure.password(),
                "rebound.http.token", TOKEN,
                // outages in tests are short: come back quickly
                "rebound.kafka.retry.max-interval", "1s",
                "rebound.kafka.outbox.relay-interval", "500ms")));
    }
}
