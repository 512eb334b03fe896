package io.schedcp.core.kube;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.store.TextInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the pods' metadata a user supplies, in the JSON of {@code kubectl get pods -o json} (a list whose
 * {@code items} are pods) or of {@code kubectl get pod NAME -o json} (one pod). Of each pod it takes
 * {@code metadata.uid}, {@code namespace}, {@code name}, {@code labels}, the {@code kubernetes.io/config.mirror}
 * annotation of a static pod's mirror, and {@code spec.nodeName}; everything else is read past. schedcp does
 * not talk to the API server: the file is a snapshot, and a pod replaced since (a new uid) is not found.
 */
public final class PodMetadataFile {

    /**
     * A list of every pod of a large cluster fits; {@code --field-selector spec.nodeName=NODE} keeps the file to
     * one node's pods.
     */
    public static final int MAX_FILE_BYTES = 64 << 20;

    static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    private static final String MAKE_IT = "write it with kubectl get pods -A -o json > FILE";

    private PodMetadataFile() {}

    /**
     * The pods of {@code file}.
     *
     * @throws SchedcpException NOT_FOUND when there is no such file; INVALID_INPUT naming the file, the pod and
     *                          the field at fault when it is not such JSON; IO when it cannot be read
     */
    public static PodMetadataSet read(Path file) {
        return parse(TextInput.readRegular(file, "pod metadata", MAX_FILE_BYTES), file.toString());
    }

    /**
     * The pods of {@code json}, as {@link #read} checks them.
     *
     * @param source what to call it in messages, such as its path
     */
    public static PodMetadataSet parse(String json, String source) {
        JsonNode tree;
        try {
            tree = SchedcpJson.mapper().readTree(json);
        } catch (JacksonException e) {
            throw invalid(source + " is not valid JSON (" + e.getOriginalMessage() + "); " + MAKE_IT);
        }
        if (tree == null || !tree.isObject()) {
            throw invalid(source + " is not the JSON of kubectl get pods -o json (it is not an object); " + MAKE_IT);
        }
        List<JsonNode> items = new ArrayList<>();
        JsonNode list = tree.get("items");
        if (list != null) {
            if (!list.isArray()) {
                throw invalid(source + ": items is not an array of pods; " + MAKE_IT);
            }
            list.forEach(items::add);
        } else if (tree.has("metadata")) {
            items.add(tree);
        } else {
            throw invalid(source + " is not the JSON of kubectl get pods -o json: it has neither items nor "
                    + "metadata; " + MAKE_IT);
        }
        List<PodMetadata> pods = new ArrayList<>();
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> byUid = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String where = list == null ? source : source + " item " + (i + 1);
            PodMetadata pod = pod(items.get(i), where);
            Integer twice = byName.putIfAbsent(pod.fullName(), i + 1);
            if (twice == null) {
                twice = byUid.putIfAbsent(pod.cgroupUid(), i + 1);
            }
            if (twice != null) {
                throw invalid(where + " (" + pod.fullName() + ") is the same pod as item " + twice
                        + "; give each pod once, as kubectl writes them");
            }
            pods.add(pod);
        }
        return new PodMetadataSet(source, pods);
    }

    private static PodMetadata pod(JsonNode item, String where) {
        if (!item.isObject()) {
            throw invalid(where + " is not a pod object; " + MAKE_IT);
        }
        JsonNode kind = item.get("kind");
        if (kind != null && !"Pod".equals(kind.asString(""))) {
            throw invalid(where + " is a " + kind.asString("") + ", not a Pod; give the output of kubectl get pods");
        }
        JsonNode metadata = item.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            throw invalid(where + " has no metadata object; " + MAKE_IT);
        }
        String name = text(metadata, "name", where);
        String named = where + " (" + name + ")";
        String namespace = text(metadata, "namespace", named);
        String full = where + " (" + namespace + "/" + name + ")";
        String uid = text(metadata, "uid", full);
        Map<String, String> annotations = strings(metadata, "annotations", full);
        String mirror = annotations.get(MIRROR_ANNOTATION);
        String cgroupUid = KubepodsPaths.normalizeUid(mirror != null ? mirror : uid)
                .orElseThrow(() -> invalid(full + ": " + where(mirror) + " is "
                        + (mirror != null ? mirror : uid) + ", not a pod uid (a UUID such as "
                        + "1d5f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f, or 32 hex digits for a static pod); " + MAKE_IT));
        return new PodMetadata(uid, namespace, name, strings(metadata, "labels", full), cgroupUid, nodeName(item));
    }

    private static String where(String mirror) {
        return mirror != null ? "the " + MIRROR_ANNOTATION + " annotation" : "metadata.uid";
    }

    private static Optional<String> nodeName(JsonNode item) {
        JsonNode spec = item.get("spec");
        JsonNode node = spec == null ? null : spec.get("nodeName");
        return node != null && node.isString() && !node.stringValue().isEmpty()
                ? Optional.of(node.stringValue())
                : Optional.empty();
    }

    private static String text(JsonNode metadata, String field, String where) {
        JsonNode value = metadata.get(field);
        if (value == null || !value.isString() || value.stringValue().isEmpty()) {
            throw invalid(where + " has no metadata." + field + " string; " + MAKE_IT);
        }
        return value.stringValue();
    }

    private static Map<String, String> strings(JsonNode metadata, String field, String where) {
        JsonNode value = metadata.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw invalid(where + ": metadata." + field + " is not an object of strings");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isString()) {
                throw invalid(where + ": metadata." + field + "." + entry.getKey() + " is " + entry.getValue()
                        + ", not a string");
            }
            map.put(entry.getKey(), entry.getValue().stringValue());
        }
        return map;
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
