package dev.rebound.classifier.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in error text with {@code [REDACTED:kind]} before anything is stored or sent: GitHub,
 * GitLab, Slack, npm and cloud tokens, AWS keys, JWTs, bearer and basic credentials, private key blocks,
 * passwords in URLs and {@code password=}/{@code token=} pairs. Each pattern runs only when a cheap trigger
 * is present, and every pattern is linear (no nested quantifiers).
 */
public final class Redactor {

    private record Secret(String kind, List<String> triggers, Pattern pattern, int group) {

        Secret(String kind, String trigger, Pattern pattern, int group) {
            this(kind, List.of(trigger), pattern, group);
        }

        /**
         * How far before its trigger a match can start (the longest optional prefix, such as {@code refresh_}
         * before {@code token}); -1 when anywhere on the line.
         */
        int lookbehind() {
            return switch (kind) {
                case "basic-auth" -> -1;
                case "slack-webhook", "token" -> 8;
                case "secret" -> 7;
                case "api-key" -> 4;
                case "stripe-key" -> 2;
                default -> 0;
            };
        }

        /** Only a private key block spans lines; every other secret sits on the line of its trigger. */
        boolean multiline() {
            return kind.equals("private-key");
        }
    }

    private static final List<Secret> SECRETS = List.of(
            new Secret("private-key", "-----begin",
                    Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----[\\s\\S]{0,16384}?"
                            + "(-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----|\\z)"), 0),
            new Secret("github-token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,255})\\b"), 1),
            new Secret("github-token", "github_pat_", Pattern.compile("\\b(github_pat_[A-Za-z0-9_]{22,255})\\b"), 1),
            new Secret("gitlab-token", "glpat-", Pattern.compile("\\b(glpat-[A-Za-z0-9_\\-]{20,64})"), 1),
            new Secret("slack-token", "xox", Pattern.compile("\\b(xox[abposr]-[A-Za-z0-9\\-]{10,255})"), 1),
            new Secret("slack-webhook", "hooks.slack.com",
                    Pattern.compile("(https://hooks\\.slack\\.com/services/[A-Za-z0-9/_\\-]{10,200})"), 1),
            new Secret("npm-token", "npm_", Pattern.compile("\\b(npm_[A-Za-z0-9]{36})\\b"), 1),
            new Secret("aws-access-key", List.of("akia", "asia", "agpa", "aida", "aroa", "anpa"), Pattern.compile("\\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16})\\b"), 1),
            new Secret("aws-secret-key", "aws",
                    Pattern.compile("(?i)(aws_?secret_?(?:access_?)?key(?:_id)?[\"']?\\s*[:=]\\s*[\"']?)([A-Za-z0-9/+=]{40})"), 2),
            new Secret("google-api-key", "aiza", Pattern.compile("\\b(AIza[0-9A-Za-z_\\-]{35})"), 1),
            new Secret("stripe-key", "_live_", Pattern.compile("\\b((?:sk|rk)_live_[0-9A-Za-z]{16,128})"), 1),
            new Secret("jwt", "eyj", Pattern.compile("\\b(eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,})"), 1),
            new Secret("bearer", "bearer", Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=\\-]{8,})"), 2),
            new Secret("basic-auth", "basic", Pattern.compile("(?i)(authorization:\\s*basic\\s+)([A-Za-z0-9+/=]{8,})"), 2),
            new Secret("url-password", "://",
                    Pattern.compile("(://[^\\s:/@]{1,100}:)([^\\s@/]{1,200})(@)"), 2),
            // not a test runner's result: Go's "--- PASS: TestName", automake's "PASS: t/name.sh" at a line's start
            new Secret("password", List.of("pass", "pwd"),
                    Pattern.compile("(?i)(?!(?:(?<![^\\n])|(?<=--- ))(?-i:PASS): )"
                            + "((?:password|passwd|pass|pwd)[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{3,200})"), 2),
            new Secret("token", "token",
                    Pattern.compile("(?i)((?:access_|auth_|api_|refresh_|id_|private_)?token[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{8,300})"), 2),
            new Secret("secret", "secret",
                    Pattern.compile("(?i)((?:client_)?secret(?:_key)?[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{8,300})"), 2),
            new Secret("api-key", "key",
                    Pattern.compile("(?i)(api[_\\-]?key[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{8,300})"), 2));

    /** The words that may start a secret (lower-cased): a line without any holds none. */
    static final List<String> TRIGGER_WORDS = SECRETS.stream().flatMap(s -> s.triggers().stream()).distinct().toList();

    /** Every trigger of every secret, in one automaton; {@link #TRIGGER_SECRET} maps a trigger to its secret. */
    private static final AhoCorasick TRIGGERS;
    private static final int[] TRIGGER_SECRET;
    private static final int[] TRIGGER_LENGTH;

    static {
        List<String> triggers = new ArrayList<>();
        List<Integer> secrets = new ArrayList<>();
        for (int s = 0; s < SECRETS.size(); s++) {
            for (String trigger : SECRETS.get(s).triggers()) {
                triggers.add(trigger);
                secrets.add(s);
            }
        }
        TRIGGERS = new AhoCorasick(triggers);
        TRIGGER_SECRET = secrets.stream().mapToInt(Integer::intValue).toArray();
        TRIGGER_LENGTH = triggers.stream().mapToInt(String::length).toArray();
    }

    private record Span(int secret, int start, int end) {
    }

    /**
     * The text with every secret found replaced by {@code [REDACTED:kind]}. One pass finds the secrets'
     * triggers; a secret's pattern is then tried, anchored, only at the few positions before a trigger where a
     * match holding it can start, and may extend to the end of the next line (a private key block: to the end of
     * the text). Where two secrets overlap, the one listed first wins.
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Span> found = new ArrayList<>();
        TRIGGERS.scanIgnoringCase(text, (trigger, end) -> {
            int s = TRIGGER_SECRET[trigger];
            Secret secret = SECRETS.get(s);
            int triggerStart = end - TRIGGER_LENGTH[trigger];
            int lineStart = text.lastIndexOf('\n', triggerStart) + 1;
            // a match holds its trigger, so it starts at most a few characters before it (basic auth: on the line)
            int from = secret.lookbehind() < 0 ? lineStart : Math.max(lineStart, triggerStart - secret.lookbehind());
            int to = secret.multiline() ? text.length() : lineEnd(text, lineEnd(text, end) + 1);
            Matcher matcher = secret.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int start = from; start <= triggerStart; start++) {
                if (matcher.region(start, to).lookingAt()) {
                    if (!text.startsWith("[REDACTED:", matcher.start(secret.group()))) {
                        found.add(new Span(s, matcher.start(secret.group()), matcher.end(secret.group())));
                    }
                    return;
                }
            }
        });
        if (found.isEmpty()) {
            return text;
        }
        // the secret listed first wins an overlap, as if each had been replaced in list order
        found.sort(Comparator.comparingInt(Span::secret).thenComparingInt(Span::start));
        List<Span> kept = new ArrayList<>();
        for (Span span : found) {
            if (kept.stream().noneMatch(k -> k.start() < span.end() && span.start() < k.end())) {
                kept.add(span);
            }
        }
        kept.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (Span span : kept) {
            out.append(text, last, span.start()).append("[REDACTED:").append(SECRETS.get(span.secret()).kind())
                    .append(']');
            last = span.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static int lineEnd(String text, int from) {
        if (from >= text.length()) {
            return text.length();
        }
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
