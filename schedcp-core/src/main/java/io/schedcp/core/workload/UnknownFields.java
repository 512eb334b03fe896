package io.schedcp.core.workload;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of {@code workloads.json} that this build does not know, carried from the file as read into the
 * file as written, so that a newer schedcp's additions of the same schema survive an older one's write.
 *
 * <p>A field is unknown when the file has it and the content read from the file, written back, does not.
 * Objects are matched by field name, and the elements of a list by their {@code id} (workloads, runs), or by
 * position when they have none.
 */
final class UnknownFields {

    private final JsonNode original;
    private final JsonNode known;

    /**
     * @param original the file as read
     * @param known the content read from it, as this build writes it
     */
    UnknownFields(JsonNode original, JsonNode known) {
        this.original = original;
        this.known = known;
    }

    static UnknownFields none() {
        return new UnknownFields(null, null);
    }

    /** {@code updated} (changed in place) with the unknown fields of the elements it shares with the file. */
    JsonNode addTo(JsonNode updated) {
        graft(original, known, updated);
        return updated;
    }

    private static void graft(JsonNode original, JsonNode known, JsonNode updated) {
        if (original == null || known == null) {
            return;
        }
        if (original instanceof ObjectNode from
                && known instanceof ObjectNode knownObject
                && updated instanceof ObjectNode to) {
            for (Map.Entry<String, JsonNode> field : from.properties()) {
                String name = field.getKey();
                if (!knownObject.has(name)) {
                    if (!to.has(name)) {
                        to.set(name, field.getValue().deepCopy());
                    }
                } else if (to.has(name)) {
                    graft(field.getValue(), knownObject.get(name), to.get(name));
                }
            }
        } else if (original instanceof ArrayNode from
                && known instanceof ArrayNode knownArray
                && updated instanceof ArrayNode to) {
            for (int i = 0; i < to.size(); i++) {
                JsonNode element = to.get(i);
                Optional<String> id = id(element);
                int index = i;
                JsonNode before = id.map(value -> find(from, value)).orElseGet(() -> from.get(index));
                JsonNode knownBefore = id.map(value -> find(knownArray, value)).orElseGet(() -> knownArray.get(index));
                graft(before, knownBefore, element);
            }
        }
    }

    private static Optional<String> id(JsonNode element) {
        JsonNode id = element.get("id");
        return id != null && id.isString() ? Optional.of(id.stringValue()) : Optional.empty();
    }

    private static JsonNode find(ArrayNode array, String id) {
        for (JsonNode element : array) {
            if (id(element).filter(id::equals).isPresent()) {
                return element;
            }
        }
        return null;
    }
}
