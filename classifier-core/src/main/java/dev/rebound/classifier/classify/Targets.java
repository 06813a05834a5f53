package dev.rebound.classifier.classify;

import dev.rebound.contracts.error.Category;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the dependency that failed, so that the retry-service can protect it with a circuit breaker:
 * the host in {@code dial tcp HOST:PORT}, {@code Could not resolve host}, {@code connect to HOST port},
 * {@code getaddrinfo ENOTFOUND HOST}, a URL, a registry or package index, looked for on the decisive line
 * first, then around it, then in the rest of the log from the end.
 */
final class Targets {

    /**
     * A pattern that names a host, and the words (lower-cased) of which a line must hold one for it to run; a
     * link's host may be a page of documentation the tool points to rather than what failed.
     */
    private record Host(Pattern pattern, List<String> anyOf, boolean link) {

        Host(Pattern pattern, List<String> anyOf) {
            this(pattern, anyOf, false);
        }

        boolean mayMatch(String lowerLine) {
            return RequiredLiteral.containsAny(lowerLine, anyOf);
        }
    }

    private static final List<Host> HOSTS = List.of(
            new Host(Pattern.compile("lookup ([A-Za-z0-9][A-Za-z0-9.\\-]*\\.[A-Za-z]{2,})(?: on |: )"), List.of("lookup ")),
            new Host(Pattern.compile("dial tcp:? (?:lookup )?(\\[[0-9A-Fa-f:]+\\]|[A-Za-z0-9][A-Za-z0-9.\\-]*):\\d+"),
                    List.of("dial tcp")),
            new Host(Pattern.compile("(?i)could not resolve (?:host|hostname)(?::| for| name)? *['\"]?([A-Za-z0-9][A-Za-z0-9.\\-]*\\.[A-Za-z]{2,})"),
                    List.of("could not resolve")),
            new Host(Pattern.compile("(?i)(?:failed to connect to|connect to|connecting to|unable to connect to) ([A-Za-z0-9][A-Za-z0-9.\\-]*)(?::\\d+| port \\d+)"),
                    List.of("connect")),
            new Host(Pattern.compile("(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT) ([A-Za-z0-9][A-Za-z0-9.\\-]*\\.[A-Za-z]{2,})"),
                    List.of("enotfound", "eai_again", "econnrefused", "econnreset", "etimedout")),
            new Host(Pattern.compile("(?i)unknown host:? ([A-Za-z0-9][A-Za-z0-9.\\-]*\\.[A-Za-z]{2,})"), List.of("unknown host")),
            new Host(Pattern.compile("(?i)(?:host|server) ['\"]?([A-Za-z0-9][A-Za-z0-9.\\-]*\\.[A-Za-z]{2,})['\"]? (?:is unreachable|not found|unreachable)"),
                    List.of("unreachable", "not found")),
            new Host(Pattern.compile("https?://(?:[^/@\\s]+@)?([A-Za-z0-9][A-Za-z0-9.\\-]*\\.[A-Za-z]{2,})"), List.of("http"),
                    true),
            new Host(Pattern.compile("\\b((?:[a-z0-9\\-]+\\.)+(?:io|com|org|net|dev|cloud))/[a-z0-9._\\-]+(?:/[a-z0-9._\\-]+)*[:@][A-Za-z0-9._\\-]+"),
                    List.of(".io/", ".com/", ".org/", ".net/", ".dev/", ".cloud/")));

    /**
     * Hosts of documentation and help pages that tools link to when they fail (Maven's {@code [Help 1]}, Microsoft's
     * short links, a provider's docs): a link to one of them names no dependency. Their first label, or the host.
     */
    private static final java.util.Set<String> DOCUMENTATION_LABELS = java.util.Set.of("docs", "doc", "help", "learn",
            "wiki", "cwiki", "developer", "developers", "support");
    private static final java.util.Set<String> DOCUMENTATION_HOSTS = java.util.Set.of("aka.ms", "go.microsoft.com",
            "maven.apache.org", "stackoverflow.com", "kubernetes.io", "rust-lang.github.io", "errors.pydantic.dev",
            "pip.pypa.io", "git-scm.com");

    /** Words one of which a line holds if any pattern can find a host in it. */
    static final List<String> CUES = HOSTS.stream().flatMap(h -> h.anyOf().stream()).distinct().toList();

    private static final Pattern IP = Pattern.compile("\\[?[0-9a-f:.]+\\]?");
    private static final int NEIGHBOURHOOD = 3;
    private static final int TAIL = 60;

    private Targets() {
    }

    /**
     * Categories whose failures are the project's own (its code, its tests, its quality gates): no dependency
     * failed, so a host in their log (a URL in an assertion, a link in a lint message) is not a target, and a
     * retry-service's breaker must not count them against it.
     */
    private static final java.util.Set<Category> OWN = java.util.EnumSet.of(Category.COMPILATION,
            Category.TEST_FAILURE, Category.QUALITY_GATE);

    /**
     * The failing dependency: the reported one if given, else, unless the failure is of the project's own code,
     * one found in the log, else null.
     */
    static String find(String reported, Category category, Lines lines, int decisiveLine) {
        if (reported != null && !reported.isBlank()) {
            return reported.strip();
        }
        if (OWN.contains(category)) {
            return null;
        }
        int n = lines.size();
        if (decisiveLine >= 0) {
            String found = inLine(lines, decisiveLine);
            for (int d = 1; found == null && d <= NEIGHBOURHOOD; d++) {
                found = firstOf(lines, decisiveLine + d, decisiveLine - d);
            }
            if (found != null) {
                return found;
            }
        }
        for (int i = n - 1; i >= Math.max(0, n - TAIL); i--) {
            String found = inLine(lines, i);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String firstOf(Lines lines, int... indexes) {
        for (int i : indexes) {
            if (i >= 0 && i < lines.size()) {
                String found = inLine(lines, i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String inLine(Lines lines, int i) {
        return lines.hostCue[i] ? inLine(lines.lines.get(i)) : null;
    }

    /** The first host name the line names; an IP address only when it names no host name. */
    static String inLine(String line) {
        String address = null;
        String lower = line.toLowerCase(Locale.ROOT);
        for (Host host : HOSTS) {
            if (!host.mayMatch(lower)) {
                continue;
            }
            Matcher matcher = host.pattern().matcher(line);
            while (matcher.find()) {
                String candidate = matcher.group(1).toLowerCase(Locale.ROOT);
                if (candidate.endsWith(".")) {
                    candidate = candidate.substring(0, candidate.length() - 1);
                }
                if (candidate.equals("localhost") || candidate.startsWith("127.") || candidate.equals("[::1]")
                        || host.link() && (documentation(candidate) || referenced(line, matcher.start()))) {
                    continue;
                }
                if (!IP.matcher(candidate).matches()) {
                    return candidate;
                }
                if (address == null) {
                    address = candidate;
                }
            }
        }
        return address;
    }

    /**
     * Words just before a link that make it a reference for the reader (SLF4J's {@code See http://…}, Flyway's
     * {@code Learn more: https://…}, Maven's {@code [Help 1] http://…}), not the thing the tool was talking to.
     */
    private static final Pattern REFERENCE = Pattern.compile("(?i)(?:\\bsee\\b|\\blearn more|\\bmore info"
            + "|\\bfor more\\b|\\[help \\d+\\]|\\bdocumentation\\b|\\bread more|\\brefer to\\b|\\brelease notes"
            + "|\\bdocs?\\b)[^/]{0,30}$");

    /** Whether the link starting at {@code start} follows words that make it a reference. */
    private static boolean referenced(String line, int start) {
        return REFERENCE.matcher(line.substring(Math.max(0, start - 60), start)).find();
    }

    /** Whether a linked host serves documentation ({@code cwiki.apache.org}, {@code docs.github.com}, {@code aka.ms}). */
    static boolean documentation(String host) {
        int dot = host.indexOf('.');
        return DOCUMENTATION_HOSTS.contains(host) || dot > 0 && DOCUMENTATION_LABELS.contains(host.substring(0, dot))
                && host.indexOf('.', dot + 1) > 0;
    }
}
