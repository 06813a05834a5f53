package dev.rebound.classifier.intake;

import dev.rebound.classifier.classify.Classifier;
import dev.rebound.classifier.classify.Failure;
import dev.rebound.classifier.classify.LogExcerpt;
import dev.rebound.classifier.classify.Verdict;
import dev.rebound.classifier.overrides.Override;
import dev.rebound.classifier.overrides.OverrideStore;
import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Classification;
import dev.rebound.contracts.error.ErrorEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Classifies error events as the stream and {@code POST /classify} both do: keep the last 64 KiB of the log,
 * redact it, classify, and let an operator's mark on the fingerprint win over the rules.
 */
@Service
public class ClassificationService {

    /** An error event as kept (excerpt, redacted) and what it was classified as. */
    public record Classified(ErrorEvent error, Classification classification) {
    }

    /** An error event as kept: its log cut to the last 64 KiB, message and log redacted. */
    public record Kept(ErrorEvent error, boolean truncated) {
    }

    private final Classifier classifier;
    private final OverrideStore overrides;

    ClassificationService(Classifier classifier, OverrideStore overrides) {
        this.classifier = classifier;
        this.overrides = overrides;
    }

    public List<Classified> classify(List<ErrorEvent> reported, Instant now) {
        List<Kept> kept = new ArrayList<>(reported.size());
        List<Verdict> verdicts = new ArrayList<>(reported.size());
        for (ErrorEvent event : reported) {
            Kept k = keep(event);
            ErrorEvent error = k.error();
            String text = error.message() == null ? error.log()
                    : error.log() == null ? error.message() : error.message() + "\n" + error.log();
            kept.add(k);
            verdicts.add(classifier.classify(new Failure(text, error.step(), error.exitCode(), error.signal(),
                    error.target(), error.occurredAt())));
        }
        Map<String, Override> marks = overrides.find(verdicts.stream().map(Verdict::fingerprint).distinct().toList());
        List<Classified> classified = new ArrayList<>(reported.size());
        for (int i = 0; i < kept.size(); i++) {
            Verdict verdict = verdicts.get(i);
            Override mark = marks.get(verdict.fingerprint());
            ErrorEvent error = kept.get(i).error();
            classified.add(new Classified(error, classification(error,
                    mark == null ? verdict : overridden(verdict, mark), kept.get(i).truncated(), now)));
        }
        return classified;
    }

    /** The event as Rebound keeps it (the same every time: a re-publish rebuilds it from the event). */
    public Kept keep(ErrorEvent event) {
        LogExcerpt excerpt = LogExcerpt.of(withoutNul(event.log()));
        return new Kept(new ErrorEvent(event.operationId(), event.service(), event.environment(), event.pipeline(),
                event.step(), event.attempt(), event.exitCode(), event.signal(), event.target(),
                classifier.redact(withoutNul(event.message())), classifier.redact(excerpt.text()),
                event.occurredAt(), event.labels()), excerpt.truncated());
    }

    /** The verdict with the operator's mark applied, and saying so. */
    static Verdict overridden(Verdict verdict, Override mark) {
        Action action = mark.transientFailure() ? Action.RETRY
                : verdict.action() == Action.RETRY ? Action.INVESTIGATE : verdict.action();
        String remediation = "Marked " + (mark.transientFailure() ? "transient" : "permanent") + " by " + mark.setBy()
                + ": " + mark.reason() + ". " + verdict.remediation();
        return new Verdict(verdict.category(), mark.transientFailure(), verdict.severity(), 1.0, action, remediation,
                "override/" + verdict.ruleId(), verdict.evidence(), verdict.fingerprint(), verdict.target(),
                verdict.retryAfterMs());
    }

    private static Classification classification(ErrorEvent error, Verdict verdict, boolean truncated, Instant now) {
        return new Classification(error.operationId(), error.service(), error.environment(), error.pipeline(),
                error.step(), error.attempt(), error.labels(), verdict.category(), verdict.transientFailure(),
                verdict.severity(), verdict.confidence(), verdict.action(), verdict.remediation(), verdict.ruleId(),
                verdict.evidence(), verdict.fingerprint(), verdict.target(), verdict.retryAfterMs(), truncated, now);
    }

    private static String withoutNul(String text) {
        // PostgreSQL text cannot hold NUL characters
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }
}
