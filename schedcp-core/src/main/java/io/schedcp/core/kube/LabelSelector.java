package io.schedcp.core.kube;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An equality label selector, {@code key=value[,key=value...]} as {@code kubectl get pods -l} takes it: a pod
 * matches when it has every label with that value. {@code ==} may stand for {@code =}. The set-based forms
 * ({@code !=}, {@code in}, a bare key) are refused rather than half understood.
 *
 * @param labels the labels a pod must have, in the order written
 */
public record LabelSelector(Map<String, String> labels) {

    // A label key is [prefix/]name: the prefix a DNS subdomain, the name at most 63 characters, alphanumeric at
    // both ends with -, _ or . between; a value is empty or such a name.
    private static final String NAME = "[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?";
    private static final Pattern KEY = Pattern.compile("(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?/)?" + NAME);
    private static final Pattern VALUE = Pattern.compile("(?:" + NAME + ")?");
    private static final String FORM = "give key=value[,key=value], such as app=web,tier=frontend";

    public LabelSelector {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a label selector names at least one label");
        }
    }

    /**
     * The selector {@code text} writes.
     *
     * @throws SchedcpException INVALID_INPUT naming the term at fault and the form to use
     */
    public static LabelSelector parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw invalid("the label selector is empty, which would select every pod; " + FORM);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String term : text.split(",", -1)) {
            String trimmed = term.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || equals < 0 || trimmed.contains("!=")) {
                throw invalid("the label selector " + text + " has the term '" + trimmed
                        + "', which is not key=value (schedcp takes only equality terms); " + FORM);
            }
            String key = trimmed.substring(0, equals).strip();
            String value = trimmed.substring(trimmed.startsWith("==", equals) ? equals + 2 : equals + 1)
                    .strip();
            if (!KEY.matcher(key).matches()) {
                throw invalid("the label selector " + text + " has the key '" + key + "', which is not a label key "
                        + "([prefix/]name, the name at most 63 letters, digits, -, _ or .); " + FORM);
            }
            if (!VALUE.matcher(value).matches()) {
                throw invalid("the label selector " + text + " has the value '" + value + "' for " + key
                        + ", which is not a label value (at most 63 letters, digits, -, _ or ., "
                        + "alphanumeric at both ends); " + FORM);
            }
            String earlier = labels.putIfAbsent(key, value);
            if (earlier != null && !earlier.equals(value)) {
                throw invalid("the label selector " + text + " asks for " + key + "=" + earlier + " and " + key + "="
                        + value + ", which no pod has at once; keep one");
            }
        }
        return new LabelSelector(labels);
    }

    /** Whether a pod with {@code podLabels} has every label of this selector. */
    public boolean matches(Map<String, String> podLabels) {
        return labels.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }

    /** The selector as {@link #parse} reads it: {@code app=web,tier=frontend}. */
    @Override
    public String toString() {
        return labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
