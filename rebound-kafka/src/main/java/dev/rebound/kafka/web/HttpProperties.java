package dev.rebound.kafka.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP API's settings ({@code rebound.http.*}).
 *
 * @param token the bearer token every mutating request (and {@code /dlt}) must carry; required, at least
 *              16 characters. The local stack generates one.
 */
@Validated
@ConfigurationProperties("rebound.http")
public record HttpProperties(@NotBlank @Size(min = 16) String token) {
}
