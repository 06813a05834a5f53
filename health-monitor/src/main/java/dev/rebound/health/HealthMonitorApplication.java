package dev.rebound.health;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Watches every new release's health and judges it: healthy, degraded, unhealthy or inconclusive. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HealthMonitorApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthMonitorApplication.class, args);
    }
}
