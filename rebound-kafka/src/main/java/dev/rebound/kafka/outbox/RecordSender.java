package dev.rebound.kafka.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Sends records and waits until the broker has acknowledged every one (idempotent producer, acks=all). */
public final class RecordSender {

    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();

    public RecordSender(KafkaTemplate<String, byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    /** What became of one record: acknowledged, or refused. */
    public record Outcome(SendResult<String, byte[]> result, Throwable failure) {
        public boolean sent() {
            return failure == null;
        }
    }

    /**
     * Sends all records and returns their results in order once all are acknowledged.
     *
     * @throws KafkaException when any send fails or is not acknowledged in time; the caller retries
     */
    public List<SendResult<String, byte[]>> sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Outcome> outcomes = sendEach(records);
        for (Outcome outcome : outcomes) {
            if (!outcome.sent()) {
                throw new KafkaException("publishing " + records.size() + " record(s) failed: "
                        + outcome.failure().getMessage(), outcome.failure());
            }
        }
        return outcomes.stream().map(Outcome::result).toList();
    }

    /**
     * Sends all records and waits for every outcome.
     *
     * @throws KafkaException when the outcomes do not all arrive in time
     */
    public List<Outcome> sendEach(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            try {
                sends.add(template.send(record));
            } catch (RuntimeException e) { // e.g. a record too large, refused before it is queued
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // some failed: their outcomes say which
        } catch (TimeoutException e) {
            throw new KafkaException("publishing " + records.size() + " record(s) not acknowledged within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing", e);
        }
        List<Outcome> outcomes = new ArrayList<>(sends.size());
        for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
            try {
                outcomes.add(new Outcome(send.join(), null));
            } catch (CompletionException e) {
                outcomes.add(new Outcome(null, e.getCause() == null ? e : e.getCause()));
            }
        }
        return outcomes;
    }

    /** The partition count of a topic, as the producer's metadata has it. */
    public int partitionCount(String topic) {
        return partitionCounts.computeIfAbsent(topic, t -> template.partitionsFor(t).size());
    }

    /** Whether the broker or the client will refuse this record whatever happens (too large, invalid topic). */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof InvalidRecordException
                    || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }
}
