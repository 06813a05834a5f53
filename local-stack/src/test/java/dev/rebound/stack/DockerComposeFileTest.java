package dev.rebound.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} runs the same suite as {@code ./rebound up}: every service with a build context
 * that exists, health checks, healthy dependencies and the same configuration keys. Where {@code docker compose}
 * is installed, it must also accept the file.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "name", "services", "networks", "volumes",
            "configs", "secrets", "include");
    private static Map<String, Object> compose;

    @BeforeAll
    static void parse() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @Test
    void hasNoUnknownTopLevelKeys() {
        assertThat(compose.keySet()).allSatisfy(key ->
                assertThat(TOP_LEVEL_KEYS.contains(key) || key.startsWith("x-")).as("top-level key %s", key).isTrue());
    }

    @Test
    void runsKafkaInKRaftModeAndPostgresWithHealthChecks() {
        Map<String, Object> kafka = service("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(map(kafka, "environment")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(map(kafka, "healthcheck")).containsKey("test");
        assertThat(map(service("postgres"), "healthcheck")).containsKey("test");
    }

    static List<StackService> services() {
        return StackService.ALL;
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceIsBuiltFromItsModuleWithAHealthCheckAndHealthyDependencies(StackService stackService) {
        Map<String, Object> service = service(stackService.name());

        Path context = ROOT.resolve((String) map(service, "build").get("context")).normalize();
        assertThat(context).isDirectory().isEqualTo(ROOT.resolve(stackService.name()));
        assertThat(context.resolve("Dockerfile")).isRegularFile();
        assertThat(map(service, "healthcheck").get("test").toString()).contains("/actuator/health/readiness")
                .contains(Integer.toString(stackService.port()));
        Map<String, Object> dependsOn = map(service, "depends_on");
        assertThat(dependsOn).containsOnlyKeys("kafka", "postgres");
        dependsOn.values().forEach(condition ->
                assertThat(((Map<?, ?>) condition).get("condition")).isEqualTo("service_healthy"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceHasTheSameConfigurationKeysAsTheLocalStack(StackService stackService) {
        Map<String, Object> environment = map(service(stackService.name()), "environment");

        assertThat(environment.keySet()).containsExactlyInAnyOrderElementsOf(StackService.CONFIGURATION_KEYS);
        assertThat(environment.get("SERVER_PORT")).hasToString(Integer.toString(stackService.port()));
        assertThat(stackService.environment("kafka:9092", new StackService.Database("jdbc:postgresql://x/rebound", "u", "p"),
                "t", Map.of()).keySet()).containsExactlyInAnyOrderElementsOf(StackService.CONFIGURATION_KEYS);
    }

    @ParameterizedTest
    @MethodSource("services")
    void theDockerfileCopiesTheServicesJar(StackService stackService) throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(stackService.name()).resolve("Dockerfile"));

        assertThat(dockerfile).contains("COPY target/" + stackService.name() + "-0.1.0-SNAPSHOT.jar")
                .contains("EXPOSE " + stackService.port());
    }

    @Test
    void dockerComposeAcceptsTheFileWhereItIsInstalled() throws Exception {
        assumeTrue(runs("docker", "compose", "version"), "docker compose is not installed here");

        ProcessBuilder config = new ProcessBuilder("docker", "compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        config.environment().put("REBOUND_HTTP_TOKEN", "0123456789abcdef0123");
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> services = map(compose, "services");
        assertThat(services).as("services").containsKey(name);
        return map(services, name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
