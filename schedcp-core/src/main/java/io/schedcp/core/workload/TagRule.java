package io.schedcp.core.workload;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One keyword rule of the {@link Tagger}: text in which {@code pattern} finds a whole word or phrase gets
 * {@code tags}.
 *
 * @param name    what the rule recognises, for people ({@code "compiling"}, {@code "web server"})
 * @param pattern the words, matched case-insensitively at word boundaries
 * @param tags    the tags the rule gives
 */
public record TagRule(String name, Pattern pattern, Set<WorkloadTag> tags) {

    public TagRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("the rule '" + name + "' gives no tag");
        }
        tags = Collections.unmodifiableSet(EnumSet.copyOf(tags));
    }

    /** A rule for the alternatives of {@code words}, a regular expression such as {@code "games?|gaming"}. */
    public static TagRule of(String name, String words, WorkloadTag first, WorkloadTag... more) {
        return new TagRule(
                name,
                Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                EnumSet.of(first, more));
    }

    /** The first words of {@code text} the rule recognises, lower-cased, if any. */
    public Optional<String> match(String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
