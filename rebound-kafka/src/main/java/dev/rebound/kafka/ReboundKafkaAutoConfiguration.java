package dev.rebound.kafka;

import dev.rebound.contracts.TopicSpec;
import dev.rebound.contracts.Topics;
import dev.rebound.kafka.cdevents.CDEventsMapper;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.kafka.compression.Lz4;
import dev.rebound.kafka.deadletter.DeadLetterController;
import dev.rebound.kafka.deadletter.DeadLetterPublisher;
import dev.rebound.kafka.deadletter.DeadLetterStore;
import dev.rebound.kafka.health.ConsumerHealthIndicator;
import dev.rebound.kafka.health.KafkaHealthIndicator;
import dev.rebound.kafka.outbox.Outbox;
import dev.rebound.kafka.outbox.OutboxRelay;
import dev.rebound.kafka.outbox.RecordSender;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.EventPipelines;
import dev.rebound.kafka.pipeline.PipelineHealth;
import dev.rebound.kafka.web.BearerTokenFilter;
import dev.rebound.kafka.web.HttpProperties;
import dev.rebound.kafka.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Everything a Rebound service needs to consume and publish events safely, wired once: the CloudEvents
 * codec, the pipelines (inbox, outbox, dead letters), the outbox relay, the error handler that retries
 * outages forever with capped backoff, health indicators, topic creation, the dead-letter API and the token
 * filter.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ReboundKafkaProperties.class, HttpProperties.class})
@Import({DeadLetterController.class, ProblemDetailsAdvice.class})
public class ReboundKafkaAutoConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReboundKafkaAutoConfiguration.class);

    public ReboundKafkaAutoConfiguration() {
        // before the first client: from now on Kafka's LZ4 (ours too) is the native library where it loads
        if (Lz4.isNative()) {
            log.debug("LZ4: the native library");
        } else {
            log.info("LZ4: the native library does not load on this platform; Kafka's compression and the stored "
                    + "excerpts use the slower Java port");
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CloudEventCodec cloudEventCodec(Validator validator) {
        return new CloudEventCodec(validator, new CDEventsMapper());
    }

    @Bean
    RecordSender recordSender(KafkaTemplate<String, byte[]> template, KafkaProperties kafka) {
        // the producer gives up after delivery.timeout.ms; wait a little longer than that for its verdict
        Object delivery = kafka.getProducer().getProperties().getOrDefault("delivery.timeout.ms", "120000");
        return new RecordSender(template, Duration.ofMillis(Long.parseLong(delivery.toString()) + 5_000));
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, TransactionTemplate transactions, CloudEventCodec codec, RecordSender sender,
                  ReboundKafkaProperties properties, MeterRegistry meters) {
        return new Outbox(jdbc, transactions, codec, sender, properties.outbox().batchSize(), meters);
    }

    @Bean
    OutboxRelay outboxRelay(Outbox outbox, JdbcTemplate jdbc, ReboundKafkaProperties properties) {
        return new OutboxRelay(outbox, jdbc, properties);
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(RecordSender sender, KafkaProperties kafka, Clock clock,
                                            MeterRegistry meters) {
        return new DeadLetterPublisher(sender, kafka.getConsumer().getGroupId(), clock, meters);
    }

    @Bean
    PipelineHealth pipelineHealth(Clock clock) {
        return new PipelineHealth(clock);
    }

    @Bean
    EventPipelines eventPipelines(List<EventHandler<?>> handlers,
                                  ConcurrentKafkaListenerContainerFactory<Object, Object> containerFactory,
                                  CloudEventCodec codec, JdbcTemplate jdbc, Outbox outbox,
                                  DeadLetterPublisher deadLetters, TransactionTemplate transactions,
                                  PipelineHealth health, MeterRegistry meters, ReboundKafkaProperties properties) {
        EventPipelines pipelines = new EventPipelines(handlers, containerFactory, codec, jdbc, outbox, deadLetters,
                transactions, health, meters);
        for (String topic : pipelines.topics()) {
            Duration retention = Topics.named(topic).retention();
            if (properties.dedupRetention().compareTo(retention) < 0) {
                log.warn("rebound.kafka.dedup-retention ({}) is shorter than the retention of {} ({}): replaying it "
                        + "from the start would apply older events again", properties.dedupRetention(), topic, retention);
            }
        }
        return pipelines;
    }

    @Bean
    DeadLetterStore deadLetterStore(KafkaProperties kafka, RecordSender sender, JdbcTemplate jdbc,
                                    EventPipelines pipelines) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return new DeadLetterStore(
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                sender, jdbc, kafka.getConsumer().getGroupId(), pipelines::topics);
    }

    /**
     * Batches that fail are retried, whole, with capped exponential backoff and no limit, the consumer
     * paused in between: only an outage makes a batch fail, and outages end. Bad records never get here.
     */
    @Bean
    DefaultErrorHandler reboundErrorHandler(ReboundKafkaProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(),
                properties.retry().multiplier());
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        // no exception is fatal: spring-kafka's default list (ClassCastException, …) would discard the batch
        handler.setClassifications(Map.of(), true);
        return handler;
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, ReboundKafkaProperties properties) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties(), properties.healthTimeout());
    }

    @Bean("consumers")
    ConsumerHealthIndicator consumerHealthIndicator(PipelineHealth health, EventPipelines pipelines, Outbox outbox,
                                                    ReboundKafkaProperties properties) {
        return new ConsumerHealthIndicator(health, pipelines, outbox, properties);
    }

    @Bean
    @ConditionalOnProperty(name = "rebound.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics reboundTopics() {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream().map(ReboundKafkaAutoConfiguration::newTopic)
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(HttpProperties http) {
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(http.token()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static org.apache.kafka.clients.admin.NewTopic newTopic(TopicSpec spec) {
        return TopicBuilder.name(spec.name()).partitions(spec.partitions()).configs(spec.config()).build();
    }
}
