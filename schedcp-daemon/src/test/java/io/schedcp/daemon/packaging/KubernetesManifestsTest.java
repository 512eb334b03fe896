package io.schedcp.daemon.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * packaging/kubernetes/: the manifests are valid against the Kubernetes schema (the fabric8 model), and they
 * give the daemon what it needs on every node: privileged, the node's PIDs, the /sys mounts, its state on the
 * node, its config where --config reads it, and probes that reach /healthz where the config says it listens.
 */
class KubernetesManifestsTest {

    private static final List<String> FILES = List.of("namespace.yaml", "configmap.yaml", "daemonset.yaml");
    private static final Set<String> CONFIG_KEYS = Set.of("listen", "restart", "modes");
    private static final Set<String> RESTART_KEYS = Set.of("max_restarts", "initial_backoff_ms", "max_backoff_ms");
    private static final Set<String> MODES = Set.of("auto", "gaming", "lowlatency", "powersave", "server");

    @Test
    void everyManifestReadsAsItsKubernetesKindWithNoFieldTheSchemaLacks() throws IOException {
        for (String file : FILES) {
            List<HasMetadata> objects = KubernetesManifests.read(PackagingFiles.kubernetes(file));

            assertThat(objects).as(file).isNotEmpty();
            for (HasMetadata object : objects) {
                assertThat(KubernetesManifests.unknownFields(object))
                        .as(file + ": " + object.getKind() + " "
                                + object.getMetadata().getName())
                        .isEmpty();
            }
        }
    }

    @Test
    void aFieldTheSchemaLacksIsReportedWithItsPath() {
        JsonNode misspelt = yaml("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      hostPid: true
                      containers: [{name: x, image: x, securityContext: {privilege: true}}]
                """);

        HasMetadata object = KubernetesManifests.toModel(misspelt, "misspelt");

        assertThat(KubernetesManifests.unknownFields(object))
                .containsExactlyInAnyOrder(
                        "spec.template.spec.hostPid", "spec.template.spec.containers[0].securityContext.privilege");
    }

    @Test
    void aFieldOfTheWrongTypeFailsTheRead() {
        JsonNode wrong = yaml("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: x}
                spec: {template: {spec: {containers: {name: x}}}}
                """);

        assertThatThrownBy(() -> KubernetesManifests.toModel(wrong, "wrong")).hasMessageContaining("containers");
    }

    @Test
    void theDaemonRunsPrivilegedInTheNodesPidNamespaceOnEveryNode() throws IOException {
        DaemonSet daemonSet = daemonSet();
        PodSpec pod = daemonSet.getSpec().getTemplate().getSpec();

        assertThat(pod.getHostPID()).isTrue();
        assertThat(daemon(pod).getSecurityContext().getPrivileged()).isTrue();
        assertThat(pod.getTolerations()).as("one toleration of every taint").anySatisfy(t -> {
            assertThat(t.getOperator()).isEqualTo("Exists");
            assertThat(t.getKey()).isNull();
            assertThat(t.getEffect()).isNull();
        });
        assertThat(daemonSet.getSpec().getSelector().getMatchLabels()).isNotEmpty();
        assertThat(daemonSet.getSpec().getTemplate().getMetadata().getLabels())
                .as("the selector picks the template's pods, as the API server requires")
                .containsAllEntriesOf(daemonSet.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theDaemonSeesTheNodesBpfSysKernelAndCgroupsAndKeepsItsStateOnTheNode() throws IOException {
        PodSpec pod = daemonSet().getSpec().getTemplate().getSpec();
        Container daemon = daemon(pod);

        Map<String, String> hostPaths = hostPathsByMountPath(pod, daemon);

        assertThat(hostPaths)
                .containsEntry("/sys/fs/bpf", "/sys/fs/bpf")
                .containsEntry("/sys/kernel", "/sys/kernel")
                .containsEntry("/sys/fs/cgroup", "/sys/fs/cgroup")
                .as("the home, where the tokens and the socket are, on the node")
                .containsEntry("/var/lib/schedcp", "/var/lib/schedcp");
        assertThat(daemon.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("SCHEDCP_HOME");
            assertThat(e.getValue()).isEqualTo("/var/lib/schedcp");
        });
        Set<String> volumes = pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
        assertThat(daemon.getVolumeMounts())
                .as("every mount names a volume of the pod")
                .allSatisfy(m -> assertThat(volumes).contains(m.getName()));
    }

    @Test
    void theConfigMapIsMountedWhereTheDaemonReadsItsConfig() throws IOException {
        PodSpec pod = daemonSet().getSpec().getTemplate().getSpec();
        Container daemon = daemon(pod);
        ConfigMap configMap = configMap();

        List<String> command = new ArrayList<>(daemon.getCommand());
        command.addAll(daemon.getArgs());
        assertThat(command).startsWith("/opt/schedcp/bin/schedcp", "daemon").contains("--config");
        Path config = Path.of(command.get(command.indexOf("--config") + 1));

        VolumeMount mount = daemon.getVolumeMounts().stream()
                .filter(m -> Path.of(m.getMountPath()).equals(config.getParent()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mount at " + config.getParent() + ", where --config is"));
        Volume volume = volume(pod, mount.getName());
        assertThat(volume.getConfigMap())
                .as(mount.getName() + " is a ConfigMap volume")
                .isNotNull();
        assertThat(volume.getConfigMap().getName())
                .isEqualTo(configMap.getMetadata().getName());
        assertThat(configMap.getData()).containsKey(config.getFileName().toString());
        assertThat(configMap.getMetadata().getNamespace())
                .isEqualTo(daemonSet().getMetadata().getNamespace());
    }

    @Test
    void theConfigHoldsOnlyTheDaemonsKeysAndEveryModeNamesACatalogSchedulerAndItsFlags() throws IOException {
        JsonNode config = daemonConfig();
        JsonNode catalog = catalog();

        assertThat(names(config)).isSubsetOf(CONFIG_KEYS);
        assertThat(names(config.path("restart"))).isEqualTo(RESTART_KEYS);
        config.path("restart")
                .forEach(value -> assertThat(value.isIntegralNumber()).isTrue());
        assertThat(names(config.path("modes"))).isEqualTo(MODES);
        for (String mode : MODES) {
            JsonNode entry = config.path("modes").path(mode);
            assertThat(names(entry)).as(mode).isEqualTo(Set.of("scheduler", "args"));
            String scheduler = entry.path("scheduler").asString();
            JsonNode descriptor = scheduler(catalog, scheduler)
                    .orElseThrow(() -> new AssertionError(mode + ": " + scheduler + " is not in the catalog"));
            Set<String> flags = new HashSet<>();
            descriptor
                    .path("tuning_parameters")
                    .forEach(p -> flags.add(p.path("flag").asString()));
            entry.path("args").forEach(arg -> {
                if (arg.asString().startsWith("-")) {
                    assertThat(flags).as(mode + ": a flag of " + scheduler).contains(arg.asString());
                }
            });
        }
    }

    @Test
    void theProbesAskHealthzOnTheNodesLoopbackWhereTheConfigSaysTheDaemonListens() throws IOException {
        PodSpec pod = daemonSet().getSpec().getTemplate().getSpec();
        Container daemon = daemon(pod);
        String listen = daemonConfig().path("listen").asString();
        String host = listen.substring(0, listen.lastIndexOf(':'));
        int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));

        assertThat(host).as("the API stays on the node's loopback").isEqualTo("127.0.0.1");
        assertThat(pod.getHostNetwork())
                .as("the kubelet probes from the node: 127.0.0.1 is the daemon's only in the node's network")
                .isTrue();
        for (Probe probe : List.of(daemon.getReadinessProbe(), daemon.getLivenessProbe(), daemon.getStartupProbe())) {
            HTTPGetAction get = probe.getHttpGet();
            assertThat(get).as("an HTTP probe").isNotNull();
            assertThat(get.getPath()).isEqualTo("/healthz");
            assertThat(get.getHost()).isEqualTo(host);
            assertThat(get.getPort().getIntVal()).isEqualTo(port);
        }
        assertThat(daemonConfig().has("socket"))
                .as("the socket stays daemon.sock in the home, beside the tokens, where the CLI looks for it")
                .isFalse();
    }

    @Test
    void theDaemonRunsInTheNamespaceAsItsOwnAccountWithNoApiToken() throws IOException {
        Namespace namespace = KubernetesManifests.only(PackagingFiles.kubernetes("namespace.yaml"), Namespace.class);
        ServiceAccount account =
                KubernetesManifests.only(PackagingFiles.kubernetes("namespace.yaml"), ServiceAccount.class);
        DaemonSet daemonSet = daemonSet();
        PodSpec pod = daemonSet.getSpec().getTemplate().getSpec();

        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "privileged");
        assertThat(daemonSet.getMetadata().getNamespace())
                .isEqualTo(namespace.getMetadata().getName());
        assertThat(account.getMetadata().getNamespace())
                .isEqualTo(namespace.getMetadata().getName());
        assertThat(pod.getServiceAccountName()).isEqualTo(account.getMetadata().getName());
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    private static DaemonSet daemonSet() throws IOException {
        return KubernetesManifests.only(PackagingFiles.kubernetes("daemonset.yaml"), DaemonSet.class);
    }

    private static ConfigMap configMap() throws IOException {
        return KubernetesManifests.only(PackagingFiles.kubernetes("configmap.yaml"), ConfigMap.class);
    }

    private static JsonNode daemonConfig() throws IOException {
        return yaml(configMap().getData().get("daemon.yaml"));
    }

    private static Container daemon(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(v -> v.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    /** Each mount of a hostPath volume: its path in the container, to its path on the node. */
    private static Map<String, String> hostPathsByMountPath(PodSpec pod, Container container) {
        Map<String, Volume> volumes =
                pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, Function.identity()));
        return container.getVolumeMounts().stream()
                .filter(m -> volumes.containsKey(m.getName())
                        && volumes.get(m.getName()).getHostPath() != null)
                .collect(Collectors.toMap(
                        VolumeMount::getMountPath,
                        m -> volumes.get(m.getName()).getHostPath().getPath()));
    }

    private static JsonNode catalog() throws IOException {
        Path file = Path.of("..")
                .toAbsolutePath()
                .normalize()
                .resolve("schedcp-core/src/main/resources/io/schedcp/core/scx/catalog.json");
        return new YAMLMapper().readTree(Files.readString(file));
    }

    private static Optional<JsonNode> scheduler(JsonNode catalog, String name) {
        JsonNode schedulers = catalog.isArray() ? catalog : catalog.path("schedulers");
        for (JsonNode descriptor : schedulers) {
            if (descriptor.path("name").asString().equals(name)) {
                return Optional.of(descriptor);
            }
        }
        return Optional.empty();
    }

    private static Set<String> names(JsonNode object) {
        assertThat(object.isObject()).as(object + " is a mapping").isTrue();
        return new HashSet<>(object.propertyNames());
    }

    private static JsonNode yaml(String text) {
        return new YAMLMapper().readTree(text);
    }
}
