package io.schedcp.core.kube;

import static io.schedcp.core.kube.KubepodsPathsTest.ID;
import static io.schedcp.core.kube.PodProcessReaderTest.SECOND_ID;
import static io.schedcp.core.kube.PodsFixture.DB_UID;
import static io.schedcp.core.kube.PodsFixture.ETCD_STATIC_UID;
import static io.schedcp.core.kube.PodsFixture.WEB_A_UID;
import static io.schedcp.core.kube.PodsFixture.WEB_B_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node a of pods.json, with the systemd driver and containerd; web's second pod runs on node b. */
class PodResolverTest {

    static final String WEB_SLICE =
            "kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + WEB_A_UID.replace('-', '_') + ".slice";
    static final String DB_SLICE = "kubepods.slice/kubepods-pod" + DB_UID.replace('-', '_') + ".slice";
    static final String ETCD_SLICE =
            "kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + ETCD_STATIC_UID + ".slice";

    @TempDir
    Path dir;

    Path proc;
    Path pods;

    @BeforeEach
    void node() {
        proc = new ProcTree(dir.resolve("proc"))
                .process(1, "/init.scope")
                .process(2, "/")
                .process(4410, "/" + WEB_SLICE + "/cri-containerd-" + ID + ".scope")
                .process(4502, "/" + WEB_SLICE + "/cri-containerd-" + SECOND_ID + ".scope")
                .process(4503, "/" + WEB_SLICE + "/cri-containerd-" + SECOND_ID + ".scope")
                .process(5120, "/" + DB_SLICE + "/cri-containerd-" + ID + ".scope")
                .process(880, "/" + ETCD_SLICE + "/cri-containerd-" + ID + ".scope")
                .process(901, "/system.slice/kubelet.service")
                .root();
        pods = PodsFixture.file(dir);
    }

    @Test
    void aPodByNamespaceAndNameGivesItsCgroupUnderTheMountAndItsPids() {
        PodPlacement web = PodResolver.read(pods, proc).byName("default/web-7d9f8c6b5-x2kqz");

        assertThat(web.pod().uid()).isEqualTo(WEB_A_UID);
        assertThat(web.qos()).isEqualTo(QosClass.BURSTABLE);
        assertThat(web.cgroups()).containsExactly(WEB_SLICE);
        assertThat(web.pids()).containsExactly(4410, 4502, 4503);
    }

    @Test
    void aStaticPodIsFoundThroughItsMirrorPod() {
        PodPlacement etcd = PodResolver.read(pods, proc).byName("kube-system/etcd-node-a");

        assertThat(etcd.cgroups()).containsExactly(ETCD_SLICE);
        assertThat(etcd.pids()).containsExactly(880);
    }

    @Test
    void aSelectorGivesTheMatchingPodsOnThisNode() {
        PodResolver resolver = PodResolver.read(pods, proc);

        List<PodPlacement> web = resolver.bySelector("app=web");
        List<PodPlacement> controlPlane = resolver.bySelector("tier=control-plane");

        // web-7d9f8c6b5-q8mzt matches too, but runs on node b.
        assertThat(web).extracting(p -> p.pod().name()).containsExactly("web-7d9f8c6b5-x2kqz");
        assertThat(controlPlane).extracting(PodPlacement::cgroups).containsExactly(List.of(ETCD_SLICE));
    }

    @Test
    void aPodOnAnotherNodeHasNoCgroupHereAndTheErrorNamesItsNode() {
        PodResolver resolver = PodResolver.read(pods, proc);

        assertThatThrownBy(() -> resolver.byName("default/web-7d9f8c6b5-q8mzt"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("pod default/web-7d9f8c6b5-q8mzt (uid " + WEB_B_UID + ") has no cgroup on "
                        + "this node: none of the 8 processes under " + proc + " is in a cgroup of it")
                .hasMessageContaining(pods + " places it on node node-b")
                .hasMessageContaining("run schedcp on the pod's node");
    }

    @Test
    void aFinishedPodHasNoCgroupHere() {
        assertThatThrownBy(() -> PodResolver.read(pods, proc).byName("batch/report-28811520-hx7vq"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("has no cgroup on this node")
                .hasMessageContaining("write " + pods + " again if the pod was replaced");
    }

    @Test
    void aPodMissingFromTheFileIsNotFoundWithTheNamesLikeIt() {
        assertThatThrownBy(() -> PodResolver.read(pods, proc).byName("default/web"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("there is no pod default/web in " + pods + " (it lists 5 pods)")
                .hasMessageContaining(
                        "pods with a name like it: default/web-7d9f8c6b5-x2kqz, " + "default/web-7d9f8c6b5-q8mzt")
                .hasMessageContaining("kubectl get pods -n default");
    }

    @Test
    void aNameWithoutItsNamespaceIsRefusedWithTheNamespacesItIsIn() {
        assertThatThrownBy(() -> PodResolver.read(pods, proc).byName("db-0"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("'db-0' is not a pod's namespace/name; name the pod as namespace/name")
                .hasMessageContaining(pods + " has prod/db-0");
    }

    @Test
    void aSelectorNoPodMatchesIsNotFound() {
        assertThatThrownBy(() -> PodResolver.read(pods, proc).bySelector("app=cache"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("no pod in " + pods + " has the labels app=cache (it lists 5 pods)")
                .hasMessageContaining("kubectl get pods -A -l app=cache");
    }

    @Test
    void aSelectorWhosePodsRunElsewhereIsNotFoundHere() {
        Path nodeB =
                new ProcTree(dir.resolve("proc-c")).process(1, "/init.scope").root();

        assertThatThrownBy(() -> PodResolver.read(pods, nodeB).bySelector("app=web"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("2 pods with the labels app=web (uids " + WEB_A_UID + ", " + WEB_B_UID
                        + ") have no cgroup on this node")
                .hasMessageContaining("places them on node node-a, node-b");
    }

    @Test
    void onACgroupV1HostTheErrorSaysWhy() {
        Path v1 = new ProcTree(dir.resolve("proc-v1"))
                .file(4410, "12:cpu,cpuacct:/kubepods/burstable/pod" + WEB_A_UID + "/" + ID + "\n")
                .root();

        assertThatThrownBy(() -> PodResolver.read(pods, v1).byName("default/web-7d9f8c6b5-x2kqz"))
                .hasMessageContaining("have no cgroup v2 path (a cgroup v1 host?)");
    }

    @Test
    void aPlacementIsEmptyForAPodWithoutProcessesHere() {
        PodResolver resolver = PodResolver.read(pods, proc);
        PodMetadata report =
                resolver.metadata().pod("batch", "report-28811520-hx7vq").orElseThrow();

        assertThat(resolver.placement(report)).isEmpty();
    }
}
