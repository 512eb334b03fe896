package io.schedcp.core.workload;

import static io.schedcp.core.workload.WorkloadTag.BATCH;
import static io.schedcp.core.workload.WorkloadTag.BUILD;
import static io.schedcp.core.workload.WorkloadTag.CONTAINER;
import static io.schedcp.core.workload.WorkloadTag.INTERACTIVE;
import static io.schedcp.core.workload.WorkloadTag.LATENCY_SENSITIVE;
import static io.schedcp.core.workload.WorkloadTag.POWER_SAVING;
import static io.schedcp.core.workload.WorkloadTag.REALTIME;
import static io.schedcp.core.workload.WorkloadTag.SERVER;
import static io.schedcp.core.workload.WorkloadTag.THROUGHPUT;
import static io.schedcp.core.workload.WorkloadTag.VIRTUALIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaggerTest {

    private final Tagger tagger = Tagger.standard();

    @ParameterizedTest
    @ValueSource(strings = {"compile the kernel", "Linux kernel build", "make -j32 of LLVM", "cargo build --release"})
    void compilingIsABuildAndABatchJob(String text) {
        assertThat(tagger.tags(text)).containsExactly(BATCH, BUILD);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nginx serving static files",
                "a web server",
                "HTTP API behind a load balancer",
                "postgres under pgbench",
                "MySQL OLTP",
                "redis cache"
            })
    void webServersAndDatabasesAreLatencySensitiveServers(String text) {
        assertThat(tagger.tags(text)).containsExactly(LATENCY_SENSITIVE, SERVER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaming", "a game at 144 fps", "Steam games"})
    void gamesAreInteractiveAndLatencySensitive(String text) {
        assertThat(tagger.tags(text)).containsExactly(LATENCY_SENSITIVE, INTERACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "pods on Kubernetes", "containerized jobs", "podman containers"})
    void containersAreTaggedContainer(String text) {
        assertThat(tagger.tags(text)).containsExactly(CONTAINER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"video encoding with ffmpeg", "Blender rendering", "ML training", "an HPC simulation"})
    void heavyComputeIsThroughputAndBatch(String text) {
        assertThat(tagger.tags(text)).containsExactly(THROUGHPUT, BATCH);
    }

    @Test
    void audioAndRealTimeAreLatencySensitiveAndRealtime() {
        assertThat(tagger.tags("audio production")).containsExactly(LATENCY_SENSITIVE, REALTIME);
        assertThat(tagger.tags("a real-time control loop")).containsExactly(LATENCY_SENSITIVE, REALTIME);
    }

    @Test
    void desktopsAndBrowsersAreInteractive() {
        assertThat(tagger.tags("my desktop")).containsExactly(INTERACTIVE);
        assertThat(tagger.tags("Firefox with many tabs")).containsExactly(INTERACTIVE);
    }

    @Test
    void laptopsAndVirtualMachinesHaveTheirOwnTags() {
        assertThat(tagger.tags("a laptop on battery")).containsExactly(POWER_SAVING);
        assertThat(tagger.tags("KVM guests on a hypervisor")).containsExactly(VIRTUALIZATION);
    }

    @Test
    void theTagsOfSeveralRulesAddUp() {
        assertThat(tagger.tags("Kernel build in Docker while I keep gaming"))
                .containsExactly(LATENCY_SENSITIVE, INTERACTIVE, BATCH, BUILD, CONTAINER);
    }

    @Test
    void onlyWholeWordsCount() {
        assertThat(tagger.tags("the gamification of rebuilding a spreadsheet")).isEmpty();
        assertThat(tagger.tags("")).isEmpty();
    }

    @Test
    void theRulesTagASchedulersDescriptionAndUseCasesTogether() {
        Set<WorkloadTag> tags = tagger.tags(List.of(
                "Gives critical tasks earlier virtual deadlines.",
                "gaming (Steam Deck and desktop)",
                "laptop and handheld battery life"));

        assertThat(tags).containsExactly(LATENCY_SENSITIVE, INTERACTIVE, POWER_SAVING);
    }

    @Test
    void reasonsNameTheWordsThatGaveEachTag() {
        assertThat(tagger.reasons("NGINX in front of a Postgres database"))
                .containsEntry(SERVER, List.of("nginx", "postgres"))
                .containsEntry(LATENCY_SENSITIVE, List.of("nginx", "postgres"))
                .hasSize(2);
    }

    @Test
    void everyTagOfTheVocabularyIsGivenBySomeStandardRule() {
        Set<WorkloadTag> given = EnumSet.noneOf(WorkloadTag.class);
        tagger.rules().forEach(rule -> given.addAll(rule.tags()));

        assertThat(given).containsExactlyInAnyOrder(WorkloadTag.values());
    }

    @Test
    void aTagIsParsedFromItsLabelAndAnUnknownOneListsTheVocabulary() {
        assertThat(WorkloadTag.parse("Latency_Sensitive")).isEqualTo(LATENCY_SENSITIVE);
        assertThat(LATENCY_SENSITIVE.label()).isEqualTo("latency-sensitive");
        assertThatThrownBy(() -> WorkloadTag.parse("fast"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("'fast' is not a workload tag")
                .hasMessageContaining("latency-sensitive, throughput, interactive");
    }
}
