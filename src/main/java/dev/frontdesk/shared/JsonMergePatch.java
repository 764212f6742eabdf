package dev.frontdesk.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** RFC 7386 JSON merge patch: objects merge member by member, {@code null} removes, anything else replaces. */
public final class JsonMergePatch {

    private JsonMergePatch() {}

    /** Applies {@code patch} to a copy of {@code target} and returns the result. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** Dotted paths (down to {@code depth} levels) whose values differ between two documents. */
    public static List<String> changedPaths(JsonNode before, JsonNode after, int depth) {
        List<String> changed = new ArrayList<>();
        collect("", before, after, depth, changed);
        return changed;
    }

    private static void collect(String path, JsonNode before, JsonNode after, int depth, List<String> out) {
        boolean bothObjects = before != null && after != null && before.isObject() && after.isObject();
        if (depth == 0 || !bothObjects) {
            if (before == null ? after != null && !after.isNull() : !before.equals(after)) {
                out.add(path);
            }
            return;
        }
        var names = new TreeSet<String>();
        names.addAll(before.propertyNames());
        names.addAll(after.propertyNames());
        for (String name : names) {
            collect(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), depth - 1, out);
        }
    }
}
