package io.schedcp.core.manager;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Suggests the closest known names for a name that matched none, by edit distance and by substring. */
public final class NameSuggestions {

    private NameSuggestions() {}

    public static List<String> closest(String wanted, Collection<String> known, int max) {
        String w = normalize(wanted);
        return known.stream()
                .distinct()
                .map(name -> new Scored(name, score(w, normalize(name))))
                .filter(s -> s.score <= Math.max(2, w.length() / 3))
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(max)
                .map(Scored::name)
                .collect(Collectors.toList());
    }

    private static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int colon = n.indexOf(':');
        if (colon >= 0) {
            n = n.substring(colon + 1);
        }
        return n.startsWith("scx_") ? n.substring(4) : n;
    }

    private static int score(String wanted, String name) {
        if (!wanted.isEmpty() && (name.contains(wanted) || wanted.contains(name))) {
            return Math.min(1, Math.abs(name.length() - wanted.length()));
        }
        return distance(wanted, name);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String name, int score) {}
}
