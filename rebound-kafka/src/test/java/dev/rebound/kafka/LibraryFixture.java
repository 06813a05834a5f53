package dev.rebound.kafka;

import dev.rebound.kafka.cdevents.CDEventsMapper;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.testsupport.TestInfrastructure;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** The library's parts on the real broker and database, for tests that assemble them by hand. */
public record LibraryFixture(JdbcTemplate jdbc, TransactionTemplate transactions,
                             DefaultKafkaProducerFactory<String, byte[]> producers, CloudEventCodec codec) {

    /** A schema of its own with the library's tables, an idempotent producer and a codec. */
    public static LibraryFixture inSchema(String schema) throws IOException {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        new JdbcTemplate(new DriverManagerDataSource(infrastructure.jdbcUrl(), infrastructure.username(),
                infrastructure.password())).execute("create schema if not exists " + schema);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                infrastructure.jdbcUrl() + "?currentSchema=" + schema, infrastructure.username(), infrastructure.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/rebound/R__rebound_kafka_tables.sql"),
                StandardCharsets.UTF_8));
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        CloudEventCodec codec = new CloudEventCodec(Validation.buildDefaultValidatorFactory().getValidator(),
                new CDEventsMapper());
        return new LibraryFixture(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), producers,
                codec);
    }
}
