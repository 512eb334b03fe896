package io.schedcp.bpf.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"my_fifo", "fifo", "_private", "fifo2", "a", "abcdefghijklmnopqrstuvwxyz_01234"})
    void aLowerCaseIdentifierOfAtMost32CharactersIsAName(String name) {
        assertThat(CustomName.require(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({
        "My_fifo, my_fifo",
        "2fast, sched_2fast",
        "my-fifo, my_fifo",
        "fifo.bpf.c, fifo",
        "'my fifo', my_fifo",
        "abcdefghijklmnopqrstuvwxyz_012345, abcdefghijklmnopqrstuvwxyz_01234"
    })
    void anythingElseIsRejectedWithTheRulesAndAValidSuggestion(String name, String suggested) {
        assertThatThrownBy(() -> CustomName.require(name))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageStartingWith("'" + name + "' is not a valid custom scheduler name")
                .hasMessageContaining("lower-case C identifier")
                .hasMessageContaining("at most 32 characters")
                .hasMessageEndingWith("such as " + suggested);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingNameIsRejectedWithAnExample(String name) {
        assertThatThrownBy(() -> CustomName.require(name))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessage("a custom scheduler needs a name: a lower-case identifier such as my_fifo");
    }

    @ParameterizedTest
    @CsvSource({
        "My-Sched.bpf.c, my_sched",
        "fifo.c, fifo",
        "FIFO.BPF.C, fifo",
        "scx_simple, scx_simple",
        "2-level.bpf.c, sched_2_level",
        "weighted fair, weighted_fair",
        "a.b.c.bpf.c, a_b_c"
    })
    void aSuggestionIsTheFileNameWithoutItsExtensionMadeIntoAnIdentifier(String text, String suggestion) {
        assertThat(CustomName.suggestion(text)).isEqualTo(suggestion);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".bpf.c", "1", "-", "Ünïcödé.c", "a_very_long_scheduler_name_that_goes_on_and_on.bpf.c"})
    void everySuggestionIsAValidName(String text) {
        String suggestion = CustomName.suggestion(text);

        assertThat(suggestion).hasSizeBetween(1, 32);
        assertThat(CustomName.require(suggestion)).isEqualTo(suggestion);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a_very_long_scheduler_name_that_goes_on_and_on.bpf.c",
                "9_a_very_long_scheduler_name_that_is_long"
            })
    void aLongSuggestionIsCutTo32Characters(String text) {
        assertThat(CustomName.suggestion(text)).hasSize(32);
    }

    @ParameterizedTest
    @CsvSource({"tiny, tiny", "custom:tiny, tiny", "custom:custom:tiny, custom:tiny", "scx:tiny, scx:tiny"})
    void aNameIsReadWithOrWithoutItsCustomPrefixAndOnlyThatPrefixIsTakenOff(String given, String plain) {
        assertThat(CustomName.parse(given)).isEqualTo(plain);
    }

    @ParameterizedTest
    @CsvSource({"tiny, custom:tiny", "custom:tiny, custom:tiny"})
    void theQualifiedNameHasThePrefixOnce(String given, String qualified) {
        assertThat(CustomName.qualified(given)).isEqualTo(qualified);
        assertThat(qualified).startsWith(CustomName.PREFIX).startsWith(CustomProvider.ID + ":");
    }

    @Test
    void aSuggestionLowerCasesAnIToIUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        // Turkish lower-cases I to a dotless ı, which is no C identifier letter.
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(CustomName.suggestion("SIMPLE.bpf.c")).isEqualTo("simple");
        } finally {
            Locale.setDefault(before);
        }
    }
}
