package dev.rebound.stack;

import dev.rebound.contracts.TopicSpec;
import dev.rebound.contracts.Topics;
import dev.rebound.stack.broker.KafkaBroker;
import dev.rebound.stack.database.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rebound up}: a real Kafka broker, PostgreSQL, the declared topics and the five services, on this
 * machine, until Ctrl-C. Data lives under the data directory and survives a restart.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start a Kafka broker (KRaft), PostgreSQL and all five services locally; Ctrl-C stops them.")
final class UpCommand implements java.util.concurrent.Callable<Integer> {

    private static final PrintStream OUT = System.out;

    @Option(names = "--home", defaultValue = "${sys:rebound.home:-.}", description = "The Rebound checkout (where the jars are).")
    Path home;

    @Option(names = "--data-dir", defaultValue = "${env:REBOUND_DATA_DIR:-.rebound}",
            description = "Where the broker, PostgreSQL, logs and the token keep their data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", defaultValue = "${env:REBOUND_KAFKA}",
            description = "Use this existing Kafka cluster instead of starting a broker.")
    String kafka;

    @Option(names = "--kafka-config", paramLabel = "FILE", defaultValue = "${env:REBOUND_KAFKA_CONFIG}",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*) for an existing cluster; "
                    + "passed through to every service.")
    Path kafkaConfig;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Port of the embedded broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "9093",
            description = "Port of the embedded broker's KRaft controller (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--database-url", defaultValue = "${env:REBOUND_DATABASE_URL}",
            description = "Use this PostgreSQL (jdbc:postgresql://… or postgresql://user:password@host:port/db) "
                    + "instead of the embedded one.")
    String databaseUrl;

    @Option(names = "--database-user", defaultValue = "${env:REBOUND_DATABASE_USER}", description = "User of --database-url.")
    String databaseUser;

    @Option(names = "--database-password", defaultValue = "${env:REBOUND_DATABASE_PASSWORD}",
            description = "Password of --database-url (prefer the environment variable: arguments show in ps).")
    String databasePassword;

    @Option(names = "--postgres-port", defaultValue = "5432", description = "Port of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--token", defaultValue = "${env:REBOUND_HTTP_TOKEN}",
            description = "The bearer token of the services' HTTP APIs (default: generated once, kept in the data "
                    + "directory; prefer REBOUND_HTTP_TOKEN to this option: arguments show in ps).")
    String token;

    @Option(names = "--service-heap", defaultValue = "320m", description = "-Xmx of each service (default: ${DEFAULT-VALUE}).")
    String serviceHeap;

    @Option(names = "--ready-timeout", defaultValue = "180s", description = "How long to wait for the services (default: ${DEFAULT-VALUE}).")
    String readyTimeout;

    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile boolean stopping;
    private KafkaBroker broker;
    private PostgresServer postgres;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        home = home.toAbsolutePath().normalize();
        dataDir = (dataDir.isAbsolute() ? dataDir : home.resolve(dataDir)).normalize();
        Files.createDirectories(dataDir.resolve("logs"));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            stopAll();
            stopped.countDown();
        }, "rebound-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        OUT.println("Rebound is starting (data in " + dataDir + ")");
        checkJars();
        Map<String, String> kafkaSettings = kafkaClientSettings();
        String bootstrap = startKafka();
        StackService.Database database = startDatabase();
        createTopics(bootstrap, kafkaSettings);
        String httpToken = token();
        startServices(bootstrap, database, httpToken, kafkaSettings);
        if (!awaitReady(Duration.parse("PT" + readyTimeout.toUpperCase()))) {
            return 1;
        }
        printReady(bootstrap, database, httpToken, Duration.ofNanos(System.nanoTime() - started));
        return watch(stopped);
    }

    private void checkJars() {
        List<String> missing = StackService.ALL.stream().map(s -> s.jar(home)).filter(j -> !Files.exists(j))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + missing + "; run ./mvnw -B -DskipTests package (./rebound up does)");
        }
    }

    private String startKafka() {
        if (kafka != null && !kafka.isBlank()) {
            OUT.println("  kafka       using " + kafka);
            return kafka;
        }
        requireFree(kafkaPort, "the Kafka broker", "--kafka-port, or --kafka HOST:PORT to use a running cluster");
        requireFree(controllerPort, "the Kafka controller", "--kafka-controller-port");
        long t = System.nanoTime();
        broker = KafkaBroker.on(dataDir.resolve("kafka"), kafkaPort, controllerPort, Map.of()).start();
        OUT.printf("  kafka       %s (KRaft broker, data in %s) started in %s%n", broker.bootstrapServers(),
                broker.dataDirectory(), since(t));
        return broker.bootstrapServers();
    }

    private StackService.Database startDatabase() {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            StackService.Database database = JdbcUrls.parse(databaseUrl, databaseUser, databasePassword);
            OUT.println("  postgresql  using " + JdbcUrls.masked(database.jdbcUrl()));
            return database;
        }
        requireFree(postgresPort, "PostgreSQL", "--postgres-port, or REBOUND_DATABASE_URL to use a running server");
        long t = System.nanoTime();
        postgres = PostgresServer.on(dataDir.resolve("postgres"), postgresPort).start();
        OUT.printf("  postgresql  %s (data in %s) started in %s%n", postgres.jdbcUrl(), postgres.dataDirectory(), since(t));
        return new StackService.Database(postgres.jdbcUrl(), PostgresServer.USER, "");
    }

    private void createTopics(String bootstrap, Map<String, String> kafkaSettings) throws InterruptedException {
        Map<String, Object> config = new LinkedHashMap<>(kafkaSettings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        int created = 0;
        try (Admin admin = Admin.create(config)) {
            for (TopicSpec topic : Topics.ALL) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) -1)
                            .configs(topic.config()))).all().get(30, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("the broker at " + bootstrap + " did not answer in 30 s", e);
                }
            }
        }
        OUT.printf("  topics      %d declared, %d created%n", Topics.ALL.size(), created);
    }

    private void startServices(String bootstrap, StackService.Database database, String httpToken,
                               Map<String, String> kafkaSettings) {
        for (StackService service : StackService.ALL) {
            requireFree(service.port(), service.name(), "stop what uses it");
            ServiceProcess process = new ServiceProcess(service.name(), service.jar(home), service.port(),
                    service.environment(bootstrap, database, httpToken, kafkaSettings),
                    List.of("-Xmx" + serviceHeap, "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                            "-XX:+ExitOnOutOfMemoryError"),
                    dataDir.resolve("logs").resolve(service.name() + ".log"));
            process.start();
            services.add(process);
        }
        OUT.println("  services    starting " + String.join(", ", services.stream().map(ServiceProcess::name).toList())
                + " (-Xmx" + serviceHeap + " each)");
    }

    private boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    OUT.printf("%s exited with code %d; the end of %s:%n%s%n", service.name(), service.exitCode(),
                            service.log(), service.tail(30));
                    return false;
                }
                if (service.isReady()) {
                    waiting.remove(service);
                    OUT.printf("  %-19s ready on :%d%n", service.name(), service.port());
                }
            }
            if (System.nanoTime() > deadline) {
                OUT.println("not ready after " + timeout + ": " + waiting.stream().map(ServiceProcess::name).toList()
                        + "; see their logs in " + dataDir.resolve("logs"));
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    private void printReady(String bootstrap, StackService.Database database, String httpToken, Duration took) {
        OUT.println();
        OUT.printf("Rebound is up in %.1f s%n", took.toMillis() / 1000.0);
        for (ServiceProcess service : services) {
            OUT.printf("  %-19s http://localhost:%d   (log: %s)%n", service.name(), service.port(), service.log());
        }
        OUT.printf("  %-19s %s%n", "kafka", bootstrap);
        OUT.printf("  %-19s %s (user %s)%n", "postgresql", JdbcUrls.masked(database.jdbcUrl()), database.user());
        OUT.printf("  %-19s %s   (send it as: Authorization: Bearer <token>)%n", "token", httpToken);
        OUT.println("ready");
        OUT.println("Press Ctrl-C to stop.");
        OUT.flush();
    }

    /** Waits for Ctrl-C; if a service dies meanwhile, says so and stops everything. */
    private int watch(CountDownLatch stopped) throws InterruptedException {
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            for (ServiceProcess service : List.copyOf(services)) {
                if (!stopping && !service.isAlive()) {
                    OUT.printf("%s exited with code %d; stopping. The end of %s:%n%s%n", service.name(),
                            service.exitCode(), service.log(), service.tail(30));
                    return 1;
                }
            }
        }
        return 0;
    }

    private synchronized void stopAll() {
        stopping = true;
        if (!services.isEmpty()) {
            OUT.println("stopping the services…");
            services.parallelStream().forEach(s -> s.stop(Duration.ofSeconds(25)));
            services.clear();
        }
        if (broker != null) {
            OUT.println("stopping Kafka…");
            broker.stop();
            broker = null;
        }
        if (postgres != null) {
            OUT.println("stopping PostgreSQL…");
            postgres.stop();
            postgres = null;
        }
        OUT.println("stopped; data kept in " + dataDir);
        OUT.flush();
    }

    private String token() throws IOException {
        if (token != null && !token.isBlank()) {
            return token;
        }
        Path file = dataDir.resolve("token");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = HexFormat.of().formatHex(random);
        Files.writeString(file, generated + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps its default permissions
        }
        return generated;
    }

    private Map<String, String> kafkaClientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (kafkaConfig == null) {
            return settings;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(kafkaConfig)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --kafka-config " + kafkaConfig, e);
        }
        properties.stringPropertyNames().stream().sorted().forEach(k -> settings.put(k, properties.getProperty(k)));
        return settings;
    }

    private static void requireFree(int port, String what, String remedy) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what + " is in use; choose another with "
                    + remedy);
        }
    }

    private static String since(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
