package dev.rebound.kafka.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Sends records and waits until the broker has acknowledged every one (idempotent producer, acks=all). */
public final class RecordSender {

    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    public RecordSender(KafkaTemplate<String, byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    /**
     * Sends all records and returns their results in order once all are acknowledged.
     *
     * @throws KafkaException when any send fails or is not acknowledged in time; the caller retries
     */
    public List<SendResult<String, byte[]>> sendAll(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<SendResult<String, byte[]>>> sends = records.stream().map(template::send).toList();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return sends.stream().map(CompletableFuture::join).toList();
        } catch (ExecutionException e) {
            throw new KafkaException("publishing " + records.size() + " record(s) failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("publishing " + records.size() + " record(s) not acknowledged within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing", e);
        }
    }
}
