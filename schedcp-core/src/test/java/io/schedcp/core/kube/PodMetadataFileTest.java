package io.schedcp.core.kube;

import static io.schedcp.core.kube.PodsFixture.DB_UID;
import static io.schedcp.core.kube.PodsFixture.ETCD_MIRROR_UID;
import static io.schedcp.core.kube.PodsFixture.ETCD_STATIC_UID;
import static io.schedcp.core.kube.PodsFixture.WEB_A_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodMetadataFileTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryPodOfKubectlsList() {
        Path file = PodsFixture.file(dir);

        PodMetadataSet pods = PodMetadataFile.read(file);

        assertThat(pods.source()).isEqualTo(file.toString());
        assertThat(pods.pods())
                .extracting(PodMetadata::fullName)
                .containsExactly(
                        "default/web-7d9f8c6b5-x2kqz",
                        "default/web-7d9f8c6b5-q8mzt",
                        "prod/db-0",
                        "kube-system/etcd-node-a",
                        "batch/report-28811520-hx7vq");
        assertThat(pods.pod("default", "web-7d9f8c6b5-x2kqz"))
                .contains(new PodMetadata(
                        WEB_A_UID,
                        "default",
                        "web-7d9f8c6b5-x2kqz",
                        Map.of("app", "web", "pod-template-hash", "7d9f8c6b5", "tier", "frontend"),
                        WEB_A_UID,
                        Optional.of("node-a")));
    }

    @Test
    void aMirrorPodIsFoundByItsStaticPodsUid() {
        PodMetadata etcd = PodMetadataFile.parse(PodsFixture.json(), "pods.json")
                .pod("kube-system", "etcd-node-a")
                .orElseThrow();

        assertThat(etcd.uid()).isEqualTo(ETCD_MIRROR_UID);
        assertThat(etcd.cgroupUid()).isEqualTo(ETCD_STATIC_UID);
    }

    @Test
    void onePodsJsonIsAPodToo() {
        String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"db-0\",\"namespace\":\"prod\","
                + "\"uid\":\"" + DB_UID + "\"},\"spec\":{}}";

        PodMetadataSet pods = PodMetadataFile.parse(pod, "db.json");

        assertThat(pods.pods()).singleElement().satisfies(p -> {
            assertThat(p.fullName()).isEqualTo("prod/db-0");
            assertThat(p.labels()).isEmpty();
            assertThat(p.nodeName()).isEmpty();
        });
    }

    @Test
    void anEmptyListHasNoPods() {
        assertThat(PodMetadataFile.parse("{\"apiVersion\":\"v1\",\"items\":[],\"kind\":\"List\"}", "f")
                        .pods())
                .isEmpty();
    }

    @Test
    void aMissingFileIsNotFound() {
        Path missing = dir.resolve("pods.json");

        assertThatThrownBy(() -> PodMetadataFile.read(missing))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void textThatIsNotJsonIsRefusedWithHowToMakeTheFile() {
        assertInvalid("NAME READY STATUS\nweb-1 1/1 Running\n", "pods.txt is not valid JSON", "kubectl get pods");
    }

    @Test
    void jsonOfSomethingElseIsRefused() {
        assertInvalid("[1,2]", "pods.txt is not the JSON of kubectl get pods -o json", "kubectl get pods -A -o json");
        assertInvalid("{\"kind\":\"Status\"}", "it has neither items nor metadata", "kubectl get pods -A -o json");
        assertInvalid("{\"items\":{}}", "items is not an array of pods", "kubectl get pods");
    }

    @Test
    void anItemThatIsNotAPodIsNamed() {
        assertInvalid(
                "{\"items\":[{\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"}}]}",
                "pods.txt item 1 is a Service, not a Pod",
                "kubectl get pods");
    }

    @Test
    void aPodWithoutItsUidIsNamedWithTheField() {
        assertInvalid(
                "{\"items\":[{\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"}}]}",
                "pods.txt item 1 (default/web) has no metadata.uid string",
                "kubectl get pods -A -o json");
    }

    @Test
    void aPodWithoutItsNamespaceIsNamedWithTheField() {
        assertInvalid(
                "{\"items\":[{\"metadata\":{\"name\":\"web\",\"uid\":\"" + WEB_A_UID + "\"}}]}",
                "pods.txt item 1 (web) has no metadata.namespace string",
                "kubectl get pods");
    }

    @Test
    void aUidThatIsNoPodUidIsRefused() {
        assertInvalid(
                "{\"items\":[{\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"uid\":\"42\"}}]}",
                "item 1 (default/web): metadata.uid is 42, not a pod uid",
                "kubectl get pods");
    }

    @Test
    void aLabelThatIsNotAStringIsNamed() {
        assertInvalid(
                "{\"items\":[{\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"uid\":\"" + WEB_A_UID
                        + "\",\"labels\":{\"replicas\":3}}}]}",
                "item 1 (default/web): metadata.labels.replicas is 3, not a string",
                "not a string");
    }

    @Test
    void aPodListedTwiceIsRefused() {
        String pod = "{\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"uid\":\"" + WEB_A_UID + "\"}}";

        assertInvalid(
                "{\"items\":[" + pod + "," + pod + "]}",
                "pods.txt item 2 (default/web) is the same pod as item 1",
                "give each pod once");
    }

    private static void assertInvalid(String json, String fact, String fix) {
        assertThatThrownBy(() -> PodMetadataFile.parse(json, "pods.txt"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining(fact)
                .hasMessageContaining(fix);
    }
}
