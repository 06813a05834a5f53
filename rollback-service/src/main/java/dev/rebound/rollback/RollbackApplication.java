package dev.rebound.rollback;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Rolls bad releases back, at most once per command, and verifies the restored version. */
@SpringBootApplication
public class RollbackApplication {

    public static void main(String[] args) {
        SpringApplication.run(RollbackApplication.class, args);
    }
}
