package io.schedcp.core.kube;

import static io.schedcp.core.kube.KubepodsPathsTest.ID;
import static io.schedcp.core.kube.KubepodsPathsTest.UID;
import static io.schedcp.core.kube.KubepodsPathsTest.UID_;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodProcessReaderTest {

    static final String SECOND_ID = "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b";
    static final String CGROUPFS_UID = "c3a1e5f7-0b2d-4f6a-8c9e-1a2b3c4d5e6f";
    static final String MISMATCHED_UID = "7e0c4b1a-5d3f-4e2a-8b6c-9f1e2d3c4b5a";
    static final String SLICE = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + UID_ + ".slice";

    @TempDir
    Path dir;

    @Test
    void eachPodGetsItsProcessesAndItsPodDirectory() {
        ProcTree proc = new ProcTree(dir)
                .process(1, "/init.scope")
                .process(2, "/")
                .process(812, SLICE + "/cri-containerd-" + ID + ".scope")
                .process(140, SLICE + "/cri-containerd-" + SECOND_ID + ".scope")
                .process(141, SLICE + "/cri-containerd-" + SECOND_ID + ".scope")
                .process(300, "/kubepods/pod" + CGROUPFS_UID + "/" + ID)
                .process(977, "/system.slice/containerd.service")
                .other("self")
                .other("sys")
                .other("0123");

        PodScan scan = new PodProcessReader(proc.root()).read();

        assertThat(scan.pods().keySet()).containsExactly(UID, CGROUPFS_UID);
        assertThat(scan.pod(UID))
                .contains(new PodProcesses(UID, QosClass.BURSTABLE, List.of(SLICE), List.of(140, 141, 812)));
        assertThat(scan.pod(CGROUPFS_UID))
                .contains(new PodProcesses(
                        CGROUPFS_UID, QosClass.GUARANTEED, List.of("/kubepods/pod" + CGROUPFS_UID), List.of(300)));
        assertThat(scan.processes()).isEqualTo(7);
        assertThat(scan.cgroupV1Only()).isFalse();
    }

    @Test
    void mismatchedDriversGiveAPodOneCgroupPerContainer() {
        String first = "/system.slice/containerd.service/kubepods-besteffort-pod" + MISMATCHED_UID.replace('-', '_')
                + ".slice:cri-containerd:" + ID;
        String second = "/system.slice/containerd.service/kubepods-besteffort-pod" + MISMATCHED_UID.replace('-', '_')
                + ".slice:cri-containerd:" + SECOND_ID;
        ProcTree proc = new ProcTree(dir).process(20, second).process(10, first).process(11, first);

        PodProcesses pod =
                new PodProcessReader(proc.root()).read().pod(MISMATCHED_UID).orElseThrow();

        assertThat(pod.cgroups()).containsExactly(first, second);
        assertThat(pod.pids()).containsExactly(10, 11, 20);
        assertThat(pod.qos()).isEqualTo(QosClass.BEST_EFFORT);
    }

    @Test
    void aProcessWithoutACgroupFileHasExitedAndIsSkipped() {
        ProcTree proc =
                new ProcTree(dir).process(5, SLICE + "/crio-" + ID + ".scope").other("6");

        PodScan scan = new PodProcessReader(proc.root()).read();

        assertThat(scan.processes()).isEqualTo(1);
        assertThat(scan.pod(UID).orElseThrow().pids()).containsExactly(5);
    }

    @Test
    void aProcessInARemovedCgroupIsInNoPod() {
        ProcTree proc = new ProcTree(dir).file(5, "0::" + SLICE + "/crio-" + ID + ".scope (deleted)\n");

        assertThat(new PodProcessReader(proc.root()).read().pods()).isEmpty();
    }

    @Test
    void aCgroupV1HostIsToldApart() {
        ProcTree proc = new ProcTree(dir)
                .file(1, "12:cpu,cpuacct:/\n1:name=systemd:/init.scope\n")
                .file(300, "12:cpu,cpuacct:/kubepods/burstable/pod" + UID + "/" + ID + "\n");

        PodScan scan = new PodProcessReader(proc.root()).read();

        assertThat(scan.pods()).isEmpty();
        assertThat(scan.processes()).isEqualTo(2);
        assertThat(scan.withoutV2Line()).isEqualTo(2);
        assertThat(scan.cgroupV1Only()).isTrue();
    }

    @Test
    void aMissingProcDirectoryIsAnErrorThatNamesIt() {
        Path missing = dir.resolve("no-proc");

        assertThatThrownBy(() -> new PodProcessReader(missing).read())
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining("there is no proc directory at " + missing)
                .hasMessageContaining("SCHEDCP_PROC_DIR");
    }

    @Test
    void theMachinesProcReadsWithoutError() {
        PodScan scan = new PodProcessReader(Path.of("/proc")).read();

        assertThat(scan.processes()).isPositive();
    }
}
