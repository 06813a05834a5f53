package dev.rebound.classifier;

import dev.rebound.classifier.batch.ClassifierCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Classifies every failure, stores it, and routes it to the retry-service or to people. */
@SpringBootApplication
public class ClassifierApplication {

    public static void main(String[] args) {
        if (ClassifierCli.handles(args)) {
            // offline: no Kafka, no database, no Spring
            System.exit(ClassifierCli.run(args));
        }
        SpringApplication.run(ClassifierApplication.class, args);
    }
}
