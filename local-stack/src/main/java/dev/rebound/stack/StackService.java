package dev.rebound.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five services the stack runs, and the configuration keys each gets. {@code docker-compose.yml} gives
 * its containers the same keys (checked by a test).
 *
 * @param name  the module and application name
 * @param port  its HTTP port
 */
record StackService(String name, int port) {

    static final List<StackService> ALL = List.of(
            new StackService("classifier-service", 8081),
            new StackService("retry-service", 8082),
            new StackService("health-monitor", 8083),
            new StackService("rollback-service", 8084),
            new StackService("notifier-service", 8085));

    /** The environment keys every service is configured with, in the local stack and in containers. */
    static final List<String> CONFIGURATION_KEYS = List.of(
            "SERVER_PORT",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "REBOUND_HTTP_TOKEN",
            "REBOUND_KAFKA_CREATE_TOPICS");

    /** The service's boot jar under the project's home. */
    Path jar(Path home) {
        return home.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT.jar");
    }

    /** Its environment: exactly {@link #CONFIGURATION_KEYS}, plus extra Kafka client settings if any. */
    Map<String, String> environment(String bootstrapServers, Database database, String token,
                                    Map<String, String> kafkaClientSettings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", database.user());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password());
        env.put("REBOUND_HTTP_TOKEN", token);
        env.put("REBOUND_KAFKA_CREATE_TOPICS", "false");
        if (!kafkaClientSettings.isEmpty()) {
            // security settings for an existing cluster: passed through as spring.kafka.properties.*
            StringBuilder json = new StringBuilder("{");
            kafkaClientSettings.forEach((key, value) -> json.append(json.length() > 1 ? "," : "")
                    .append(quote("spring.kafka.properties." + key)).append(':').append(quote(value)));
            env.put("SPRING_APPLICATION_JSON", json.append('}').toString());
        }
        return env;
    }

    /** Where the services find PostgreSQL. */
    record Database(String jdbcUrl, String user, String password) {
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
