package dev.rebound.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.stack.broker.KafkaBroker;
import dev.rebound.stack.database.PostgresServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker and the database keep their data across a stop and a start. */
class InfrastructureTest {

    @TempDir
    Path data;

    @Test
    void brokerKeepsTopicsAndRecordsAcrossARestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.on(data.resolve("kafka"), freePort(), freePort(), Map.of()).start()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            produce(broker, "kept", "before restart");

            broker.stop();
            broker.start();

            assertThat(consumeAll(broker, "kept")).containsExactly("before restart");
        }
    }

    @Test
    void brokerRefusesToAutoCreateTopics() throws Exception {
        try (KafkaBroker broker = KafkaBroker.on(data.resolve("kafka"), freePort(), freePort(), Map.of()).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            assertThat(admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                            org.apache.kafka.common.config.ConfigResource.Type.BROKER, "1")))
                    .all().get().values().iterator().next().get("auto.create.topics.enable").value())
                    .isEqualTo("false");
        }
    }

    @Test
    void postgresKeepsDataAcrossARestart() throws Exception {
        try (PostgresServer postgres = PostgresServer.on(data.resolve("postgres"), freePort()).start()) {
            execute(postgres, "create table kept(value text)", "insert into kept values ('before restart')");

            postgres.stop();
            postgres.start();

            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
                 ResultSet rows = c.createStatement().executeQuery("select value from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before restart");
            }
        }
    }

    @Test
    void postgresCommitsOnlyWhatIsOnDisk() throws Exception {
        try (PostgresServer postgres = PostgresServer.on(data.resolve("postgres"), freePort()).start();
             Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
             ResultSet rows = c.createStatement().executeQuery(
                     "select current_setting('synchronous_commit'), current_setting('fsync')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).as("synchronous_commit").isEqualTo("on");
            assertThat(rows.getString(2)).as("fsync").isEqualTo("on");
        }
    }

    private static void execute(PostgresServer postgres, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static void produce(KafkaBroker broker, String topic, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> consumeAll(KafkaBroker broker, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            return consumer.poll(Duration.ofSeconds(10)).records(partition).stream().map(ConsumerRecord::value).toList();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
