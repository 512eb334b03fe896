package io.schedcp.core.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {

    private static final List<String> KNOWN =
            List.of("scx_simple", "scx_sdt", "scx_lavd", "scx_layered", "scx_rusty", "scx_rustland", "custom:fifo");

    @Test
    void aTypoFindsTheIntendedName() {
        assertThat(NameSuggestions.closest("scx_simpel", KNOWN, 3)).first().isEqualTo("scx_simple");
    }

    @Test
    void theScxPrefixMayBeLeftOut() {
        assertThat(NameSuggestions.closest("lavd", KNOWN, 3)).first().isEqualTo("scx_lavd");
        assertThat(NameSuggestions.closest("rust", KNOWN, 3)).contains("scx_rusty", "scx_rustland");
    }

    @Test
    void somethingUnrelatedSuggestsNothing() {
        assertThat(NameSuggestions.closest("postgres", KNOWN, 3)).isEmpty();
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(NameSuggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameSuggestions.distance("", "abc")).isEqualTo(3);
    }
}
