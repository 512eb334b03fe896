package io.schedcp.daemon.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scrape in the Prometheus text format, read back for assertions: each sample's value by its series as
 * written ({@code name} or {@code name{label="value",...}}), and the families its TYPE lines declare.
 */
record Scrape(String text, Map<String, Double> samples, Map<String, String> types) {

    static Scrape of(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                List<String> parts = List.of(line.substring("# TYPE ".length()).split(" "));
                types.put(parts.get(0), parts.get(1));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return new Scrape(text, samples, types);
    }

    Optional<Double> value(String series) {
        return Optional.ofNullable(samples.get(series));
    }

    @Override
    public String toString() {
        return text;
    }
}
