package io.schedcp.daemon.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The manifests of packaging/kubernetes/, read into the fabric8 Kubernetes model: the Java types generated
 * from the Kubernetes API's OpenAPI schema. A field of the wrong type fails the read; a field the schema does not
 * have (a misspelling, a field at the wrong level) lands in the model's additional properties, which
 * {@link #unknownFields} reports, since the API server would drop or refuse it.
 */
final class KubernetesManifests {

    /** The kinds the manifests may hold, by {@code apiVersion/kind}. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "apps/v1/DaemonSet", DaemonSet.class);

    private static final YAMLMapper YAML = new YAMLMapper();

    private KubernetesManifests() {}

    /** Every document of the file, each as its kind's model type. */
    static List<HasMetadata> read(Path file) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                objects.add(toModel(documents.next(), file.getFileName().toString()));
            }
        }
        return objects;
    }

    /** A document as its kind's model type; {@code where} names it in a failure. */
    static HasMetadata toModel(JsonNode document, String where) {
        String kind = document.path("apiVersion").asString("") + "/"
                + document.path("kind").asString("");
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            fail(where + ": " + kind + " is not one of the kinds packaging/kubernetes/ holds: " + KINDS.keySet());
        }
        return YAML.treeToValue(document, type);
    }

    /** The one object of {@code type} in the file. */
    static <T extends HasMetadata> T only(Path file, Class<T> type) throws IOException {
        List<HasMetadata> objects = read(file);
        List<T> found =
                objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(file + " holds one " + type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    /**
     * The paths (such as {@code spec.template.spec.hostPid}) of every field in the object that its schema does not
     * have.
     */
    static List<String> unknownFields(Object model) {
        List<String> unknown = new ArrayList<>();
        walk(model, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "[" + key + "]", unknown));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object field = call(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) field).keySet().forEach(key -> unknown.add(join(path, String.valueOf(key))));
            } else {
                walk(field, join(path, property(getter)), unknown);
            }
        }
    }

    private static boolean isGetter(Method method) {
        return method.getName().startsWith("get")
                && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass() != Object.class;
    }

    private static Object call(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new LinkageError(
                    "cannot read " + getter + " of " + target.getClass().getName(), e);
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
