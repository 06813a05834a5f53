package dev.rebound.retry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Retries transient failures with backoff, protecting each failing target, and escalates exhaustion. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RetryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RetryApplication.class, args);
    }
}
