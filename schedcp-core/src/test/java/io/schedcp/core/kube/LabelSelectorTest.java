package io.schedcp.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

    @Test
    void readsEqualityTermsInTheirOrder() {
        LabelSelector selector = LabelSelector.parse("tier=frontend, app == web");

        assertThat(selector.labels()).containsExactly(Map.entry("tier", "frontend"), Map.entry("app", "web"));
        assertThat(selector).hasToString("tier=frontend,app=web");
    }

    @Test
    void takesPrefixedKeysAndEmptyValues() {
        LabelSelector selector = LabelSelector.parse("app.kubernetes.io/name=web,canary=");

        assertThat(selector.labels())
                .containsExactly(Map.entry("app.kubernetes.io/name", "web"), Map.entry("canary", ""));
    }

    @Test
    void aPodMatchesWhenItHasEveryLabel() {
        LabelSelector selector = LabelSelector.parse("app=web,tier=frontend");

        assertThat(selector.matches(Map.of("app", "web", "tier", "frontend", "pod-template-hash", "7d9f8c6b5")))
                .isTrue();
        assertThat(selector.matches(Map.of("app", "web"))).isFalse();
        assertThat(selector.matches(Map.of("app", "web", "tier", "backend"))).isFalse();
        assertThat(LabelSelector.parse("canary=").matches(Map.of())).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|is empty, which would select every pod",
                "app|has the term 'app', which is not key=value",
                "app!=web|has the term 'app!=web', which is not key=value",
                "app in (web,db)|has the term 'app in (web', which is not key=value",
                "app=web,|has the term '', which is not key=value",
                "=web|has the key '', which is not a label key",
                "-app=web|has the key '-app', which is not a label key",
                "app=web server|has the value 'web server' for app, which is not a label value",
                "app=web,app=db|asks for app=web and app=db, which no pod has at once"
            })
    void aSelectorSchedcpCannotReadNamesItsFault(String selector, String fault) {
        assertThatThrownBy(() -> LabelSelector.parse(selector))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining(fault);
    }

    @Test
    void aSelectorSchedcpCannotReadSaysTheForm() {
        assertThatThrownBy(() -> LabelSelector.parse("app"))
                .hasMessageContaining("give key=value[,key=value], such as app=web,tier=frontend");
    }
}
