package dev.rebound.classifier.classify;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Category;
import dev.rebound.contracts.error.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads rule files: the ordered rule set shipped in the jar ({@code rules/default-rules.yml}) and, optionally,
 * a user's file that adds rules (they come first, so they win ties), replaces rules with the same id in
 * place, disables rules by id and overrides category guidance. Any error names the file, the rule and the key.
 *
 * <pre>
 * rules:
 *   - id: maven.dependency-resolution       # required, unique
 *     category: dependency                  # required
 *     patterns: ['Could not resolve dependencies for project']   # RE2 syntax; any one matching a line
 *     exit-codes: [1]                       # optional: required exit codes
 *     signals: [KILL]                       # optional: required signals
 *     steps: ['(?i)build|compile']          # optional: required step-name patterns
 *     transient: false                      # optional: the category's guidance otherwise
 *     severity: medium                      # optional
 *     action: fix_config                    # optional
 *     remediation: ...                      # optional
 *     weight: 1.0                           # optional, how decisive against other hits (0.1 to 2)
 *     confidence: 0.9                       # optional, 0 to 1
 *     in-assertions: false                  # optional: true if its hits on a test's assertion line count in full
 * disable: [some.rule.id]                   # user files: rules to drop
 * guidance: {network: {remediation: ...}}   # per-category defaults
 * step-hints: {quality_gate: ['(?i)lint']}  # step names that strengthen a category's hits
 * </pre>
 */
public final class RuleLoader {

    public static final String DEFAULT_RULES = "rules/default-rules.yml";

    private static final Set<String> TOP_KEYS = Set.of("version", "guidance", "step-hints", "rules", "disable");
    private static final Set<String> RULE_KEYS = Set.of("id", "category", "description", "patterns", "exit-codes",
            "signals", "steps", "transient", "severity", "action", "remediation", "weight", "confidence",
            "in-assertions");
    private static final Set<String> GUIDANCE_KEYS = Set.of("summary", "transient", "severity", "action", "remediation");
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._\\-]{0,99}");

    private RuleLoader() {
    }

    /** The rule set shipped in the jar. */
    public static RuleSet defaults() {
        return load(null);
    }

    /** The shipped rules, extended and overridden by the user's file if given. */
    public static RuleSet load(Path userFile) {
        Document shipped;
        try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RULES)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RULES + " is missing from the classpath");
            }
            shipped = parse(DEFAULT_RULES, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (userFile == null) {
            return build(shipped, null);
        }
        try {
            return build(shipped, parse(userFile.toString(), Files.readString(userFile)));
        } catch (IOException e) {
            throw new RuleFileException(userFile + ": cannot read the rule file: " + e.getMessage());
        }
    }

    /** Parses one rule file's text; exposed for tests and for checking a file before deploying it. */
    public static RuleSet fromText(String source, String yaml) {
        return build(parse(source, yaml), null);
    }

    private record RawRule(String id, Map<String, Object> values, String where) {
    }

    private record Document(String source, List<RawRule> rules, Set<String> disabled,
                            Map<Category, Map<String, Object>> guidance, Map<Category, List<LinePattern>> stepHints) {
    }

    private static Document parse(String source, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new RuleFileException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            root = Map.of();
        }
        Map<String, Object> top = map(root, source, "the file");
        unknownKeys(top, TOP_KEYS, source, "the file");
        List<RawRule> rules = new ArrayList<>();
        Object rawRules = top.getOrDefault("rules", List.of());
        if (!(rawRules instanceof List<?> list)) {
            throw new RuleFileException(source + ": key 'rules' must be a list of rules");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "rules[" + i + "]";
            Map<String, Object> values = map(list.get(i), source, where);
            Object id = values.get("id");
            if (!(id instanceof String text) || !ID.matcher(text).matches()) {
                throw new RuleFileException(source + ": " + where + ", key 'id': required, lower case letters, digits, "
                        + "'.', '_' or '-' (got " + id + ")");
            }
            String ruleWhere = "rule '" + text + "' (" + where + ")";
            if (!ids.add(text)) {
                throw new RuleFileException(source + ": " + ruleWhere + ", key 'id': duplicate id");
            }
            unknownKeys(values, RULE_KEYS, source, ruleWhere);
            rules.add(new RawRule(text, values, ruleWhere));
        }
        Set<String> disabled = new LinkedHashSet<>();
        Object rawDisabled = top.getOrDefault("disable", List.of());
        if (!(rawDisabled instanceof List<?> disableList)) {
            throw new RuleFileException(source + ": key 'disable' must be a list of rule ids");
        }
        disableList.forEach(d -> disabled.add(String.valueOf(d)));
        Map<Category, Map<String, Object>> guidance = new EnumMap<>(Category.class);
        Map<String, Object> rawGuidance = map(top.getOrDefault("guidance", Map.of()), source, "guidance");
        rawGuidance.forEach((name, value) -> {
            String where = "guidance." + name;
            Category category = category(name, source, where);
            Map<String, Object> entry = map(value, source, where);
            unknownKeys(entry, GUIDANCE_KEYS, source, where);
            guidance.put(category, entry);
        });
        Map<Category, List<LinePattern>> stepHints = new LinkedHashMap<>();
        Map<String, Object> rawHints = map(top.getOrDefault("step-hints", Map.of()), source, "step-hints");
        rawHints.forEach((name, value) -> {
            String where = "step-hints." + name;
            Category category = category(name, source, where);
            List<String> sources = strings(Map.of("patterns", value), "patterns", source, where);
            List<LinePattern> patterns = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                patterns.add(linePattern(sources.get(i), source, where, "[" + i + "]"));
            }
            stepHints.put(category, patterns);
        });
        return new Document(source, rules, disabled, guidance, stepHints);
    }

    private static RuleSet build(Document shipped, Document user) {
        Map<Category, Map<String, Object>> guidanceValues = new EnumMap<>(Category.class);
        shipped.guidance().forEach((c, v) -> guidanceValues.put(c, new LinkedHashMap<>(v)));
        if (user != null) {
            user.guidance().forEach((c, v) -> guidanceValues.computeIfAbsent(c, k -> new LinkedHashMap<>()).putAll(v));
        }
        Map<Category, Guidance> guidance = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            Map<String, Object> values = guidanceValues.getOrDefault(category, Map.of());
            String source = user != null && user.guidance().containsKey(category) ? user.source() : shipped.source();
            String where = "guidance." + category.wireName();
            guidance.put(category, new Guidance(category,
                    string(values, "summary", source, where, category.wireName() + " failures"),
                    bool(values, "transient", source, where, false),
                    enumValue(values, "severity", Severity.values(), Severity::wireName, source, where, Severity.MEDIUM),
                    enumValue(values, "action", Action.values(), Action::wireName, source, where, Action.INVESTIGATE),
                    string(values, "remediation", source, where, "Look at the evidence and the log.")));
        }

        List<RawRule> ordered = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<String, RawRule> overrides = new LinkedHashMap<>();
        if (user != null) {
            Set<String> shippedIds = shipped.rules().stream().map(RawRule::id).collect(Collectors.toSet());
            for (String id : user.disabled()) {
                if (!shippedIds.contains(id)) {
                    throw new RuleFileException(user.source() + ": key 'disable': no shipped rule has the id '" + id + "'");
                }
            }
            for (RawRule rule : user.rules()) {
                if (shippedIds.contains(rule.id())) {
                    overrides.put(rule.id(), rule);
                } else {
                    ordered.add(rule);
                    sources.add(user.source());
                }
            }
        }
        for (RawRule rule : shipped.rules()) {
            if (user != null && user.disabled().contains(rule.id())) {
                continue;
            }
            RawRule override = overrides.get(rule.id());
            ordered.add(override != null ? override : rule);
            sources.add(override != null ? user.source() : shipped.source());
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            rules.add(compile(ordered.get(i), sources.get(i), i, guidance));
        }
        Map<Category, List<LinePattern>> stepHints = new LinkedHashMap<>(shipped.stepHints());
        if (user != null) {
            stepHints.putAll(user.stepHints());
        }
        return new RuleSet(rules, guidance, stepHints);
    }

    private static Rule compile(RawRule raw, String source, int order, Map<Category, Guidance> guidance) {
        Map<String, Object> v = raw.values();
        String where = raw.where();
        Object rawCategory = v.get("category");
        if (rawCategory == null) {
            throw new RuleFileException(source + ": " + where + ", key 'category': required");
        }
        Category category = category(String.valueOf(rawCategory), source, where);
        Guidance defaults = guidance.get(category);
        List<LinePattern> patterns = new ArrayList<>();
        List<String> sourcesOfPatterns = strings(v, "patterns", source, where);
        for (int i = 0; i < sourcesOfPatterns.size(); i++) {
            patterns.add(linePattern(sourcesOfPatterns.get(i), source, where, "patterns[" + i + "]"));
        }
        Set<Integer> exitCodes = new LinkedHashSet<>();
        Object rawCodes = v.getOrDefault("exit-codes", List.of());
        if (!(rawCodes instanceof List<?> codes)) {
            throw new RuleFileException(source + ": " + where + ", key 'exit-codes': must be a list of integers");
        }
        for (Object code : codes) {
            if (!(code instanceof Integer number) || number < 0 || number > 255) {
                throw new RuleFileException(source + ": " + where + ", key 'exit-codes': " + code
                        + " is not an exit code (0 to 255)");
            }
            exitCodes.add(number);
        }
        Set<String> signals = new LinkedHashSet<>();
        strings(v, "signals", source, where).forEach(s -> signals.add(Signals.normalize(s)));
        List<LinePattern> steps = new ArrayList<>();
        List<String> stepSources = strings(v, "steps", source, where);
        for (int i = 0; i < stepSources.size(); i++) {
            steps.add(linePattern(stepSources.get(i), source, where, "steps[" + i + "]"));
        }
        if (patterns.isEmpty() && exitCodes.isEmpty() && signals.isEmpty()) {
            throw new RuleFileException(source + ": " + where + ", key 'patterns': a rule needs patterns, exit-codes "
                    + "or signals");
        }
        double weight = number(v, "weight", source, where, 1.0);
        if (weight < 0.1 || weight > 2.0) {
            throw new RuleFileException(source + ": " + where + ", key 'weight': " + weight + " is not between 0.1 and 2");
        }
        double confidence = number(v, "confidence", source, where, 0.85);
        if (confidence < 0 || confidence > 1) {
            throw new RuleFileException(source + ": " + where + ", key 'confidence': " + confidence
                    + " is not between 0 and 1");
        }
        return new Rule(raw.id(), category,
                bool(v, "transient", source, where, defaults.transientFailure()),
                enumValue(v, "severity", Severity.values(), Severity::wireName, source, where, defaults.severity()),
                enumValue(v, "action", Action.values(), Action::wireName, source, where, defaults.action()),
                string(v, "remediation", source, where, defaults.remediation()),
                patterns, exitCodes, signals, steps, weight, confidence,
                bool(v, "in-assertions", source, where, false), order);
    }

    private static LinePattern linePattern(String text, String source, String where, String key) {
        regex(text, source, where, key); // RE2 syntax: no back-references or look-around
        try {
            return LinePattern.compile(text);
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(source + ": " + where + ", key '" + key + "': " + e.getMessage());
        }
    }

    private static Pattern regex(String text, String source, String where, String key) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new RuleFileException(source + ": " + where + ", key '" + key + "': not a valid RE2 regular "
                    + "expression: " + e.getMessage());
        }
    }

    private static Category category(String name, String source, String where) {
        try {
            return Category.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(source + ": " + where + ", key 'category': '" + name + "' is not one of "
                    + Arrays.stream(Category.values()).map(Category::wireName).collect(Collectors.joining(", ")));
        }
    }

    private static <E> E enumValue(Map<String, Object> values, String key, E[] options,
                                   java.util.function.Function<E, String> name, String source, String where, E fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        for (E option : options) {
            if (name.apply(option).equals(String.valueOf(value).toLowerCase(Locale.ROOT))) {
                return option;
            }
        }
        throw new RuleFileException(source + ": " + where + ", key '" + key + "': '" + value + "' is not one of "
                + Arrays.stream(options).map(name).collect(Collectors.joining(", ")));
    }

    private static boolean bool(Map<String, Object> values, String key, String source, String where, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new RuleFileException(source + ": " + where + ", key '" + key + "': must be true or false, not " + value);
    }

    private static double number(Map<String, Object> values, String key, String source, String where, double fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new RuleFileException(source + ": " + where + ", key '" + key + "': must be a number, not " + value);
    }

    private static String string(Map<String, Object> values, String key, String source, String where, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        throw new RuleFileException(source + ": " + where + ", key '" + key + "': must be a non-empty string");
    }

    private static List<String> strings(Map<String, Object> values, String key, String source, String where) {
        Object value = values.getOrDefault(key, List.of());
        if (!(value instanceof List<?> list)) {
            throw new RuleFileException(source + ": " + where + ", key '" + key + "': must be a list of strings");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isEmpty()) {
                throw new RuleFileException(source + ": " + where + ", key '" + key + "': " + item + " is not a string");
            }
            result.add(s);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String source, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new RuleFileException(source + ": " + where + " must be a mapping");
        }
        return (Map<String, Object>) map;
    }

    private static void unknownKeys(Map<String, Object> values, Set<String> allowed, String source, String where) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new RuleFileException(source + ": " + where + ", key '" + key + "': unknown key (allowed: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
    }
}
