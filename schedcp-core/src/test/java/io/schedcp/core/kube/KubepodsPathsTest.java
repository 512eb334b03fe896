package io.schedcp.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths in the shapes the kubelet, containerd, CRI-O, Docker and crun write on real nodes. */
class KubepodsPathsTest {

    static final String UID = "1d5f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f";
    static final String UID_ = "1d5f3c2e_8a4b_4c1d_9e2f_0a1b2c3d4e5f";
    static final String ID = "4f1b0d5c9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c";
    static final String STATIC_UID = "89f4f2cb511c3b0b7e5272cff5ec37bf";

    static final String BURSTABLE_SLICE =
            "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + UID_ + ".slice";

    // --- systemd driver

    @Test
    void aContainerdContainerOfABurstablePodUnderSystemd() {
        PodCgroup pod = parse(BURSTABLE_SLICE + "/cri-containerd-" + ID + ".scope");

        assertThat(pod.podUid()).isEqualTo(UID);
        assertThat(pod.qos()).isEqualTo(QosClass.BURSTABLE);
        assertThat(pod.driver()).isEqualTo(CgroupDriver.SYSTEMD);
        assertThat(pod.podCgroup()).isEqualTo(BURSTABLE_SLICE);
        assertThat(pod.podCgroupUnderMount()).isEqualTo(BURSTABLE_SLICE.substring(1));
        assertThat(pod.container()).contains(new ContainerCgroup(ID, Optional.of(ContainerRuntime.CONTAINERD), false));
    }

    @Test
    void aGuaranteedPodSitsDirectlyUnderKubepodsSlice() {
        String slice = "/kubepods.slice/kubepods-pod" + UID_ + ".slice";

        PodCgroup pod = parse(slice + "/cri-containerd-" + ID + ".scope");

        assertThat(pod.qos()).isEqualTo(QosClass.GUARANTEED);
        assertThat(pod.podCgroup()).isEqualTo(slice);
        assertThat(pod.podUid()).isEqualTo(UID);
    }

    @Test
    void aBestEffortPodSitsUnderTheBesteffortSlice() {
        String slice = "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + UID_ + ".slice";

        PodCgroup pod = parse(slice + "/cri-containerd-" + ID + ".scope");

        assertThat(pod.qos()).isEqualTo(QosClass.BEST_EFFORT);
        assertThat(pod.podCgroup()).isEqualTo(slice);
    }

    @Test
    void aCriOContainerIsACrioScope() {
        PodCgroup pod = parse(BURSTABLE_SLICE + "/crio-" + ID + ".scope");

        assertThat(pod.container()).contains(new ContainerCgroup(ID, Optional.of(ContainerRuntime.CRI_O), false));
    }

    @Test
    void criOsConmonScopeIsTheContainersMonitorInThePod() {
        PodCgroup pod = parse(BURSTABLE_SLICE + "/crio-conmon-" + ID + ".scope");

        assertThat(pod.podUid()).isEqualTo(UID);
        assertThat(pod.container()).contains(new ContainerCgroup(ID, Optional.of(ContainerRuntime.CRI_O), true));
    }

    @Test
    void crunsContainerSubgroupBelongsToItsContainer() {
        PodCgroup pod = parse(BURSTABLE_SLICE + "/crio-" + ID + ".scope/container");

        assertThat(pod.podCgroup()).isEqualTo(BURSTABLE_SLICE);
        assertThat(pod.container().map(ContainerCgroup::id)).contains(ID);
    }

    @Test
    void aDockerContainerIsADockerScope() {
        // kube-proxy under Docker with the systemd driver, as systemd-cgls showed it on a CentOS node.
        String slice = "/kubepods.slice/kubepods-besteffort.slice/"
                + "kubepods-besteffort-pod9692aa0e_748e_11e8_8dfa_76d458035df6.slice";
        String id = "abddff03dfd7710c79a750ce3e730365cbb2c8247a974170c1062683bc3e9152";

        PodCgroup pod = parse(slice + "/docker-" + id + ".scope");

        assertThat(pod.podUid()).isEqualTo("9692aa0e-748e-11e8-8dfa-76d458035df6");
        assertThat(pod.qos()).isEqualTo(QosClass.BEST_EFFORT);
        assertThat(pod.container()).contains(new ContainerCgroup(id, Optional.of(ContainerRuntime.DOCKER), false));
    }

    @Test
    void aStaticPodIsNamedByItsConfigHash() {
        PodCgroup pod = parse("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + STATIC_UID
                + ".slice/cri-containerd-" + ID + ".scope");

        assertThat(pod.podUid()).isEqualTo(STATIC_UID);
    }

    @Test
    void aKubeletCgroupRootPrefixesTheSliceNames() {
        // kind runs its kubelet with --cgroup-root=/kubelet.
        String slice = "/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/"
                + "kubelet-kubepods-besteffort-pod" + UID_ + ".slice";

        PodCgroup pod = parse(slice + "/cri-containerd-" + ID + ".scope");

        assertThat(pod.qos()).isEqualTo(QosClass.BEST_EFFORT);
        assertThat(pod.podCgroup()).isEqualTo(slice);
        assertThat(pod.podUid()).isEqualTo(UID);
    }

    @Test
    void aNodeInAContainerAddsTheContainersCgroupInFront() {
        // A kind node seen from its host, and a minikube node (docker driver, CRI-O) as its systemd showed it.
        String kind = "/system.slice/docker-" + ID + ".scope/kubelet.slice/kubelet-kubepods.slice/"
                + "kubelet-kubepods-pod" + UID_ + ".slice";
        String minikube = "/docker/d6701ec289c56e4391acb11d07474b3139466857a305490575508a8b7a9fcf22/"
                + "kubepods.slice/kubepods-besteffort.slice/"
                + "kubepods-besteffort-pod2ca4a155_3599_498d_bb9d_4446693fa3ea.slice";
        String pause = "0ba8ac17e4e7a31fb82279503552fe94e64bab4745bf6fd2ff231e7c8ca8bed0";

        PodCgroup inKind = parse(kind + "/cri-containerd-" + ID + ".scope");
        PodCgroup inMinikube = parse(minikube + "/crio-" + pause + ".scope");

        assertThat(inKind.podCgroup()).isEqualTo(kind);
        assertThat(inKind.qos()).isEqualTo(QosClass.GUARANTEED);
        assertThat(inMinikube.podCgroup()).isEqualTo(minikube);
        assertThat(inMinikube.podUid()).isEqualTo("2ca4a155-3599-498d-bb9d-4446693fa3ea");
        assertThat(inMinikube.container().map(ContainerCgroup::id)).contains(pause);
    }

    @Test
    void thePodsOwnDirectoryHasNoContainer() {
        PodCgroup pod = parse(BURSTABLE_SLICE);

        assertThat(pod.podCgroup()).isEqualTo(BURSTABLE_SLICE);
        assertThat(pod.container()).isEmpty();
    }

    @Test
    void aChildTheRuntimesDoNotNameIsInThePodWithoutAContainer() {
        PodCgroup pod = parse(BURSTABLE_SLICE + "/sidecar.scope");

        assertThat(pod.podUid()).isEqualTo(UID);
        assertThat(pod.container()).isEmpty();
    }

    @Test
    void aClusterInsideAPodBelongsToTheOuterPod() {
        String outer = "/kubepods/burstable/pod" + UID;
        String inner = "/kubepods/besteffort/pod7e0c4b1a-5d3f-4e2a-8b6c-9f1e2d3c4b5a";

        PodCgroup pod = parse(outer + "/" + ID + "/kubelet" + inner + "/" + ID);

        assertThat(pod.podUid()).isEqualTo(UID);
        assertThat(pod.podCgroup()).isEqualTo(outer);
    }

    // --- cgroupfs driver

    @Test
    void aContainerOfABurstablePodUnderCgroupfsIsItsBareId() {
        // containerd's error for etcd, a static pod, in a cluster with the cgroupfs driver.
        String pod = "/kubepods/burstable/pod" + STATIC_UID;
        String id = "823b5a6d9aaa8da5c0ecda3e7cbcd6729673437965dc600ffcb0a2651960f945";

        PodCgroup parsed = parse(pod + "/" + id);

        assertThat(parsed.podUid()).isEqualTo(STATIC_UID);
        assertThat(parsed.qos()).isEqualTo(QosClass.BURSTABLE);
        assertThat(parsed.driver()).isEqualTo(CgroupDriver.CGROUPFS);
        assertThat(parsed.podCgroup()).isEqualTo(pod);
        // A bare id is containerd's or Docker's: the name does not tell.
        assertThat(parsed.container()).contains(new ContainerCgroup(id, Optional.empty(), false));
    }

    @Test
    void aGuaranteedPodUnderCgroupfsIsRightUnderKubepods() {
        String pod = "/kubepods/pod8c52fb9d-0a0c-4e4b-bea2-8da0ed0870c5";
        String id = "2cf7b0992492cfc7b4c473e2d022758ee09be9dd3761b3ee2d87598eec9a045a";

        PodCgroup parsed = parse(pod + "/" + id);

        assertThat(parsed.podUid()).isEqualTo("8c52fb9d-0a0c-4e4b-bea2-8da0ed0870c5");
        assertThat(parsed.qos()).isEqualTo(QosClass.GUARANTEED);
        assertThat(parsed.podCgroup()).isEqualTo(pod);
        assertThat(parsed.container().map(ContainerCgroup::id)).contains(id);
    }

    @Test
    void aBestEffortPodUnderCgroupfs() {
        PodCgroup parsed = parse("/kubepods/besteffort/pod" + UID + "/" + ID);

        assertThat(parsed.qos()).isEqualTo(QosClass.BEST_EFFORT);
        assertThat(parsed.podCgroup()).isEqualTo("/kubepods/besteffort/pod" + UID);
    }

    @Test
    void criOUnderCgroupfsPrefixesItsContainersAndItsMonitor() {
        PodCgroup container = parse("/kubepods/burstable/pod" + UID + "/crio-" + ID);
        PodCgroup monitor = parse("/kubepods/burstable/pod" + UID + "/crio-conmon-" + ID);

        assertThat(container.container()).contains(new ContainerCgroup(ID, Optional.of(ContainerRuntime.CRI_O), false));
        assertThat(monitor.container()).contains(new ContainerCgroup(ID, Optional.of(ContainerRuntime.CRI_O), true));
        assertThat(monitor.podCgroup()).isEqualTo(container.podCgroup());
    }

    @Test
    void aKubeletCgroupRootIsADirectoryInFrontUnderCgroupfs() {
        PodCgroup parsed = parse("/kubelet/kubepods/besteffort/pod" + UID + "/" + ID);

        assertThat(parsed.podCgroup()).isEqualTo("/kubelet/kubepods/besteffort/pod" + UID);
        assertThat(parsed.qos()).isEqualTo(QosClass.BEST_EFFORT);
    }

    @Test
    void aContainersOwnChildrenBelongToItUnderCgroupfs() {
        PodCgroup parsed = parse("/kubepods/burstable/pod" + UID + "/" + ID + "/init.scope");

        assertThat(parsed.container().map(ContainerCgroup::id)).contains(ID);
    }

    // --- mismatched drivers

    @Test
    void aSystemdNameUnderContainerdsOwnCgroupIsAContainerWithoutAPodDirectory() {
        String path = "/system.slice/containerd.service/kubepods-burstable-pod" + UID_ + ".slice:cri-containerd:" + ID;

        PodCgroup pod = parse(path);

        assertThat(pod.driver()).isEqualTo(CgroupDriver.MISMATCHED);
        assertThat(pod.podUid()).isEqualTo(UID);
        assertThat(pod.qos()).isEqualTo(QosClass.BURSTABLE);
        assertThat(pod.podCgroup()).isEqualTo(path);
        assertThat(pod.container()).contains(new ContainerCgroup(ID, Optional.of(ContainerRuntime.CONTAINERD), false));
    }

    @Test
    void mismatchedNamesCarryTheQosClassToo() {
        assertThat(parse("/system.slice/containerd.service/kubepods-pod" + UID_ + ".slice:cri-containerd:" + ID)
                        .qos())
                .isEqualTo(QosClass.GUARANTEED);
        assertThat(parse("/system.slice/containerd.service/kubepods-besteffort-pod" + UID_ + ".slice:cri-containerd:"
                                + ID)
                        .qos())
                .isEqualTo(QosClass.BEST_EFFORT);
    }

    // --- not a pod

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "",
                "/init.scope",
                "/system.slice/containerd.service",
                "/user.slice/user-1000.slice/session-2.scope",
                "/kubepods.slice",
                "/kubepods.slice/kubepods-burstable.slice",
                "/kubepods",
                "/kubepods/burstable",
                // Relative: not as /proc/PID/cgroup writes it.
                "kubepods/burstable/pod1d5f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f",
                // pod<uid> outside kubepods, or under a directory that is no QoS class.
                "/pod1d5f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f",
                "/kubepods/other/pod1d5f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f",
                "/machine/burstable/pod1d5f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f",
                // Not a uid.
                "/kubepods/burstable/podcast",
                "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod12345.slice",
                "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1d5f3c2e_8a4b.slice",
                // A container id that is not 64 hex digits, in the mismatched form.
                "/system.slice/containerd.service/"
                        + "kubepods-pod1d5f3c2e_8a4b_4c1d_9e2f_0a1b2c3d4e5f.slice:cri-containerd:abc",
                // An unknown QoS tier.
                "/kubepods.slice/kubepods-premium.slice/kubepods-premium-pod1d5f3c2e_8a4b_4c1d_9e2f_0a1b2c3d4e5f.slice"
            })
    void aPathInNoPodsCgroupIsNoPod(String path) {
        assertThat(KubepodsPaths.parse(path)).isEmpty();
    }

    @Test
    void anUnknownScopeUnderAPodIsStillThePodsWithoutAContainer() {
        PodCgroup pod = parse(BURSTABLE_SLICE + "/cri-containerd-" + ID.substring(1) + ".scope");

        assertThat(pod.container()).isEmpty();
    }

    // --- /proc/PID/cgroup and the mount

    @Test
    void aProcCgroupFileOfCgroupV2IsItsOneLine() {
        Optional<PodCgroup> pod =
                KubepodsPaths.parseProcCgroup("0::" + BURSTABLE_SLICE + "/cri-containerd-" + ID + ".scope\n");

        assertThat(pod.map(PodCgroup::podUid)).contains(UID);
    }

    @Test
    void aHybridHostsFileIsReadByItsCgroupV2Line() {
        String text = "12:cpu,cpuacct:/kubepods/burstable/pod" + UID + "/" + ID + "\n"
                + "11:memory:/kubepods/burstable/pod" + UID + "/" + ID + "\n"
                + "1:name=systemd:/kubepods/burstable/pod" + UID + "/" + ID + "\n"
                + "0::/kubepods/burstable/pod" + UID + "/" + ID + "\n";

        assertThat(KubepodsPaths.parseProcCgroup(text).map(PodCgroup::podCgroup))
                .contains("/kubepods/burstable/pod" + UID);
    }

    @Test
    void aCgroupV1OnlyFileHasNoCgroupV2LineSoNoPod() {
        String text = "12:cpu,cpuacct:/kubepods/burstable/pod" + UID + "/" + ID + "\n"
                + "1:name=systemd:/kubepods/burstable/pod" + UID + "/" + ID + "\n";

        assertThat(KubepodsPaths.parseProcCgroup(text)).isEmpty();
        assertThat(KubepodsPaths.hasCgroupV2Line(text)).isFalse();
    }

    @Test
    void aRemovedCgroupIsNoPod() {
        assertThat(KubepodsPaths.parseProcCgroup("0::" + BURSTABLE_SLICE + "/crio-" + ID + ".scope (deleted)\n"))
                .isEmpty();
    }

    @Test
    void aKernelThreadIsInTheRootCgroup() {
        assertThat(KubepodsPaths.parseProcCgroup("0::/\n")).isEmpty();
        assertThat(KubepodsPaths.hasCgroupV2Line("0::/\n")).isTrue();
    }

    @Test
    void aDirectoryUnderTheMountIsReadRelativeToIt() {
        Path mount = Path.of("/sys/fs/cgroup");

        Optional<PodCgroup> pod = KubepodsPaths.parseUnderMount(
                mount, Path.of("/sys/fs/cgroup" + BURSTABLE_SLICE + "/cri-containerd-" + ID + ".scope"));

        assertThat(pod.map(PodCgroup::podCgroup)).contains(BURSTABLE_SLICE);
        assertThat(KubepodsPaths.parseUnderMount(mount, Path.of("/tmp" + BURSTABLE_SLICE)))
                .isEmpty();
    }

    // --- the values

    @Test
    void uidsAreNormalisedToTheApiServersForm() {
        assertThat(KubepodsPaths.normalizeUid("1D5F3C2E_8A4B_4C1D_9E2F_0A1B2C3D4E5F"))
                .contains(UID);
        assertThat(KubepodsPaths.normalizeUid(STATIC_UID)).contains(STATIC_UID);
        assertThat(KubepodsPaths.normalizeUid("not-a-uid")).isEmpty();
    }

    @Test
    void aContainerIdIsSixtyFourHexDigits() {
        assertThatThrownBy(() -> new ContainerCgroup("abc", Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lower-case hex digits, not abc");
    }

    @Test
    void aPodsCgroupIsAbsolute() {
        assertThatThrownBy(() -> new PodCgroup(
                        UID, QosClass.BURSTABLE, CgroupDriver.CGROUPFS, "kubepods/pod" + UID, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute");
    }

    private static PodCgroup parse(String path) {
        return KubepodsPaths.parse(path).orElseThrow(() -> new AssertionError("no pod found in " + path));
    }
}
