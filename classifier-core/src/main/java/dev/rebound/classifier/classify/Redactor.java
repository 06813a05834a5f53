package dev.rebound.classifier.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in error text with {@code [REDACTED:kind]} before anything is stored or sent: GitHub,
 * GitLab, Slack, npm and cloud tokens, AWS keys, JWTs, bearer and basic credentials, private key blocks,
 * passwords in URLs and {@code password=}/{@code token=} pairs. Each pattern runs only when a cheap trigger
 * is present, and every pattern is linear (no nested quantifiers).
 */
public final class Redactor {

    private record Secret(String kind, String trigger, Pattern pattern, int group) {
    }

    private static final List<Secret> SECRETS = List.of(
            new Secret("private-key", "-----begin",
                    Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----[\\s\\S]{0,16384}?"
                            + "(-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----|\\z)"), 0),
            new Secret("github-token", "gh", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,255})\\b"), 1),
            new Secret("github-token", "github_pat_", Pattern.compile("\\b(github_pat_[A-Za-z0-9_]{22,255})\\b"), 1),
            new Secret("gitlab-token", "glpat-", Pattern.compile("\\b(glpat-[A-Za-z0-9_\\-]{20,64})"), 1),
            new Secret("slack-token", "xox", Pattern.compile("\\b(xox[abposr]-[A-Za-z0-9\\-]{10,255})"), 1),
            new Secret("slack-webhook", "hooks.slack.com",
                    Pattern.compile("(https://hooks\\.slack\\.com/services/[A-Za-z0-9/_\\-]{10,200})"), 1),
            new Secret("npm-token", "npm_", Pattern.compile("\\b(npm_[A-Za-z0-9]{36})\\b"), 1),
            new Secret("aws-access-key", "a", Pattern.compile("\\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16})\\b"), 1),
            new Secret("aws-secret-key", "aws",
                    Pattern.compile("(?i)(aws_?secret_?(?:access_?)?key(?:_id)?[\"']?\\s*[:=]\\s*[\"']?)([A-Za-z0-9/+=]{40})"), 2),
            new Secret("google-api-key", "aiza", Pattern.compile("\\b(AIza[0-9A-Za-z_\\-]{35})"), 1),
            new Secret("stripe-key", "_live_", Pattern.compile("\\b((?:sk|rk)_live_[0-9A-Za-z]{16,128})"), 1),
            new Secret("jwt", "eyj", Pattern.compile("\\b(eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,})"), 1),
            new Secret("bearer", "bearer", Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=\\-]{8,})"), 2),
            new Secret("basic-auth", "basic", Pattern.compile("(?i)(authorization:\\s*basic\\s+)([A-Za-z0-9+/=]{8,})"), 2),
            new Secret("url-password", "://",
                    Pattern.compile("([a-zA-Z][a-zA-Z0-9+.\\-]{0,20}://[^\\s:/@]{1,100}:)([^\\s@/]{1,200})(@)"), 2),
            new Secret("password", "pass",
                    Pattern.compile("(?i)((?:password|passwd|pass|pwd)[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{3,200})"), 2),
            new Secret("token", "token",
                    Pattern.compile("(?i)((?:access_|auth_|api_|refresh_|id_|private_)?token[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{8,300})"), 2),
            new Secret("secret", "secret",
                    Pattern.compile("(?i)((?:client_)?secret(?:_key)?[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{8,300})"), 2),
            new Secret("api-key", "key",
                    Pattern.compile("(?i)(api[_\\-]?key[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{8,300})"), 2));

    /** The text with every secret found replaced by {@code [REDACTED:kind]}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Secret secret : SECRETS) {
            if (!lower.contains(secret.trigger())) {
                continue;
            }
            Matcher matcher = secret.pattern().matcher(result);
            if (!matcher.find()) {
                continue;
            }
            StringBuilder out = new StringBuilder(result.length());
            int last = 0;
            do {
                if (matcher.group(secret.group()).startsWith("[REDACTED:")) {
                    continue;
                }
                out.append(result, last, matcher.start(secret.group()));
                out.append("[REDACTED:").append(secret.kind()).append(']');
                last = matcher.end(secret.group());
            } while (matcher.find());
            out.append(result, last, result.length());
            result = out.toString();
            lower = result.toLowerCase(Locale.ROOT);
        }
        return result;
    }
}
