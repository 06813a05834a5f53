package dev.rebound.bench;

import dev.rebound.contracts.TopicSpec;
import dev.rebound.contracts.Topics;
import dev.rebound.stack.ServiceProcess;
import dev.rebound.stack.broker.KafkaBroker;
import dev.rebound.stack.database.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The classifier service end to end against a raw Kafka consume→parse→produce hop, on the same in-JVM broker,
 * the same payloads (error events whose logs are excerpts of real CI failures) and in the same run. The
 * service does its whole job per batch: decode, deduplicate (inbox), classify, store the classifications and
 * stage two derived events (one transaction), publish them and wait for the acknowledgements, then commit the
 * offsets. The hop parses each record and produces it once, waiting for the acknowledgements before it commits.
 * <p>
 * Throughput: a burst of {@code --events} records published as fast as the producer goes, timed from the first
 * send to the last output; the median of {@code --rounds}, the two paths taking turns. Latency: a steady
 * {@code --rate} for {@code --seconds}, from the send to the arrival of the output (the classification), both
 * measured by this JVM's clock. Run: {@code ./rebound bench e2e}.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "Benchmark the classifier service against a raw Kafka consume-parse-produce hop.")
public final class EndToEndBenchmark implements Callable<Integer> {

    static final String RAW_IN = "bench.raw.in";
    static final String RAW_OUT = "bench.raw.out";
    private static final String TOKEN = "benchmark-token-0123456789";

    @Option(names = "--datasets", defaultValue = "../shared/datasets",
            description = "Folder with the shared datasets (default: ${DEFAULT-VALUE}); without it, the labelled examples.")
    Path datasets;

    @Option(names = "--home", defaultValue = "${sys:rebound.home:-.}", description = "The Rebound checkout.")
    Path home;

    @Option(names = "--events", defaultValue = "20000", description = "Events per throughput round (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--warm-up", defaultValue = "3",
            description = "Bursts per path before anything counts (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--rounds", defaultValue = "3", description = "Throughput rounds per path (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--rate", defaultValue = "1000", description = "Events per second in the latency run (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of the latency run per path (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--log-bytes", defaultValue = "4096", description = "Log excerpt size per event (default: ${DEFAULT-VALUE}).")
    int logBytes;

    @Option(names = "--service-jvm-options", defaultValue = "-Xmx512m",
            description = "JVM options of the classifier service (default: ${DEFAULT-VALUE}).")
    String serviceJvmOptions;

    @Option(names = "--service-consumers", defaultValue = "${sys:rebound.bench.consumers:-0}",
            description = "Consumer threads of the service (0: the service's own default, spring.kafka.listener.concurrency).")
    int serviceConsumers;

    private final PrintStream out;

    EndToEndBenchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EndToEndBenchmark(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Corpus corpus = Corpus.load(datasets, home);
        Payloads payloads = new Payloads(corpus.excerpts(logBytes, 7));
        Path jar = home.resolve("classifier-service/target/classifier-service-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "no " + jar + ": build it first (./mvnw -B -DskipTests package)");
        }
        Path work = Files.createTempDirectory("rebound-bench-");
        out.printf("payloads: %d error events, logs of <= %d bytes (mean %d) from %s%n", payloads.size(), logBytes,
                payloads.meanLogBytes(), corpus.origin());
        try (KafkaBroker broker = KafkaBroker.on(work.resolve("kafka"), freePort(), freePort(), Map.of()).start();
             PostgresServer postgres = PostgresServer.on(work.resolve("postgres"), freePort()).start()) {
            String bootstrap = broker.bootstrapServers();
            int partitions = createTopics(bootstrap);
            out.printf("broker %s (in this JVM, %d partitions per topic), PostgreSQL %s%n", bootstrap, partitions,
                    postgres.jdbcUrl());
            ServiceProcess service = startService(jar, bootstrap, postgres, work);
            try (Probes probes = new Probes(bootstrap, List.of(Topics.CLASSIFICATIONS, RAW_OUT));
                 RawHop hop = new RawHop(bootstrap, RAW_IN, RAW_OUT);
                 Load load = new Load(bootstrap, payloads, probes)) {
                Results results = run(load, hop, service, postgres.dataDirectory());
                results.print(out, events, rounds, rate, seconds);
                long stored = count(postgres, "select count(*) from classifier_bench.classifications");
                out.printf("stored classifications: %d of %d events sent to the service%n", stored, load.sent(Route.SERVICE));
                return stored == load.sent(Route.SERVICE) ? 0 : 1;
            } finally {
                service.stop(Duration.ofSeconds(30));
                out.println("service log: " + service.log());
            }
        }
    }

    private Results run(Load load, RawHop hop, ServiceProcess service, Path postgresData) throws InterruptedException {
        Results results = new Results();
        // warm both paths (the JIT of the service and of the broker, connections, page cache) before anything
        // counts: after one burst of 20,000 the service's compiler still takes a tenth of a core or more (measured
        // with a per-thread sampler), and a service runs for days, so the steady state is what is compared
        for (int burst = 1; burst <= warmUp; burst++) {
            for (Route path : Route.values()) {
                Load.Outcome warm = load.burst(path, events, service);
                out.printf("warm-up %d %-7s %,9.0f events/s%n", burst, path.label, warm.perSecond());
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (Route path : round % 2 == 1 ? List.of(Route.RAW, Route.SERVICE) : List.of(Route.SERVICE, Route.RAW)) {
                CpuUse before = CpuUse.now(service, postgresData);
                Load.Outcome outcome = load.burst(path, events, service);
                CpuUse used = CpuUse.now(service, postgresData).since(before);
                results.throughput(path, outcome);
                out.printf("round %d %-8s %,9.0f events/s (%d events in %d ms); %s%n", round, path.label,
                        outcome.perSecond(), outcome.events(), outcome.elapsedMillis(), used.perEvent(outcome.events()));
            }
        }
        for (Route path : Route.values()) {
            Load.Outcome outcome = load.steady(path, rate, Duration.ofSeconds(seconds), service);
            results.latency(path, outcome);
            out.printf("steady %-8s %d events at %d/s: %s%n", path.label, outcome.events(), rate, outcome.latency());
        }
        hop.check();
        return results;
    }

    private ServiceProcess startService(Path jar, String bootstrap, PostgresServer postgres, Path work)
            throws InterruptedException, IOException {
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("REBOUND_HTTP_TOKEN", TOKEN);
        env.put("REBOUND_DATABASE_SCHEMA", "classifier_bench");
        env.put("REBOUND_KAFKA_CREATE_TOPICS", "false");
        env.put("LOGGING_LEVEL_ROOT", "WARN");
        if (serviceConsumers > 0) {
            env.put("SPRING_KAFKA_LISTENER_CONCURRENCY", Integer.toString(serviceConsumers));
        }
        ServiceProcess service = new ServiceProcess("classifier-service", jar, port, env,
                List.of(serviceJvmOptions.trim().split("\\s+")), work.resolve("classifier-service.log"));
        long started = System.nanoTime();
        service.start();
        long deadline = started + TimeUnit.SECONDS.toNanos(120);
        while (!service.isReady()) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                service.stop(Duration.ofSeconds(5));
                throw new IllegalStateException("the classifier service did not become ready:\n" + service.tail(40));
            }
            Thread.sleep(250);
        }
        out.printf("classifier service ready in %d ms (%s)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), serviceJvmOptions);
        return service;
    }

    /** Creates the Rebound topics and the hop's two, all with the error topic's partition count; returns it. */
    private static int createTopics(String bootstrap) throws InterruptedException {
        int partitions = Topics.ALL.stream().filter(t -> t.name().equals(Topics.ERROR_EVENTS))
                .mapToInt(TopicSpec::partitions).findFirst().orElseThrow();
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec topic : Topics.ALL) {
            topics.add(new NewTopic(topic.name(), topic.partitions(), (short) -1).configs(topic.config()));
        }
        topics.add(new NewTopic(RAW_IN, partitions, (short) -1));
        topics.add(new NewTopic(RAW_OUT, partitions, (short) -1));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the topics: " + e.getCause(), e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not create the topics in 60 s", e);
        }
        return partitions;
    }

    private static long count(PostgresServer postgres, String sql) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The two things measured. */
    enum Route {
        RAW("raw hop", RAW_IN, RAW_OUT, "ce_id"),
        SERVICE("service", Topics.ERROR_EVENTS, Topics.CLASSIFICATIONS, "ce_causationid");

        final String label;
        final String input;
        final String output;
        /** The header of an output record that names the event it came from. */
        final String causeHeader;

        Route(String label, String input, String output, String causeHeader) {
            this.label = label;
            this.input = input;
            this.output = output;
            this.causeHeader = causeHeader;
        }
    }
}
