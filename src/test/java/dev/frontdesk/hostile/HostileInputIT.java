package dev.frontdesk.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input for every operation of the OpenAPI document: wrong types, nulls, huge and tiny
 * values, numbers that overflow, odd unicode, malformed JSON, wrong content types and ids that are not
 * ids. Nothing may answer 5xx or name a Java class, and every 4xx is a problem; then every resource of
 * one business is requested by another, which must get 404. The inputs are fixed, so a failure replays.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestApi.class)
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class HostileInputIT {

    static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|dev\\.frontdesk|org\\.h2|org\\.postgresql)\\.[a-zA-Z]");
    static final List<String> HOSTILE_SCALARS = List.of(
            "",
            "-1",
            "0",
            "2147483648",
            "-9223372036854775809",
            "99999999999999999999999999",
            "1e309",
            "NaN",
            "abc",
            "+999999999-12-31T23:59:59Z",
            "\u202e\u0000\ud83d\udca5\u00e9\u0301",
            "' OR '1'='1",
            "<script>alert(1)</script>",
            "x".repeat(5000));

    @Autowired
    TestApi api;

    @Autowired
    JsonMapper json;

    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void everyOperationSurvivesHostileInputAndEveryResourceIsInvisibleToOtherBusinesses() throws Exception {
        TestBusiness owner = api.createBusiness("Hostile owner");
        TestBusiness intruder = api.createBusiness("Hostile intruder");
        seedResources(owner);
        JsonNode docs = api.read(api.perform(get("/v3/api-docs"), 200));
        JsonNode schemas = docs.at("/components/schemas");

        int operations = 0;
        for (var path : docs.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase(java.util.Locale.ROOT));
                attack(owner, path.getKey(), method, operation.getValue(), schemas);
                operations++;
            }
        }
        int isolated = isolation(owner, intruder, docs);
        System.out.printf(
                "Hostile input: %d operations, %d requests, %d resource routes checked for isolation, %d failures%n",
                operations, requests, isolated, failures.size());
        assertThat(failures)
                .as("hostile requests that answered 5xx or named a class")
                .isEmpty();
    }

    /** Something to find in every list, so routes with ids have real ids to try. */
    private void seedResources(TestBusiness owner) {
        api.perform(
                api.as(owner, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"service\": \"Drain cleaning\", \"start\": \"2026-11-24T15:00:00Z\","
                                + " \"customer\": {\"name\": \"Dana Smith\", \"phone\": \"+16175550123\"}}"),
                201);
        api.perform(
                api.as(owner, post("/api/employees"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Sam Lee\", \"phone\": \"+16175550177\"}"),
                201);
        api.perform(
                api.as(owner, post("/api/departments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Billing\"}"),
                201);
        api.perform(
                api.as(owner, post("/api/knowledge"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\": \"Do you cover Cambridge?\", \"answer\": \"Yes, all of it.\"}"),
                201);
        api.perform(
                api.as(owner, post("/api/simulator/turns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"please ask Sam to call me back\", \"callerPhone\": \"+16175550123\"}"),
                200);
        api.perform(
                api.as(owner, post("/api/sandbox/calls"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"+16175550123\"}"),
                200);
    }

    private void attack(TestBusiness owner, String template, HttpMethod method, JsonNode operation, JsonNode schemas)
            throws Exception {
        List<String> pathValues = template.contains("{")
                ? List.of(UUID.randomUUID().toString(), "not-an-id", "0", "x".repeat(300), "%F0%9F%92%A5", "..")
                : List.of("");
        List<JsonNode> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                query.add(parameter);
            }
        }
        boolean hasBody = operation.has("requestBody");
        ObjectNode base = hasBody ? example(operation, schemas) : null;
        String bodyType = hasBody
                ? operation
                        .at("/requestBody/content")
                        .propertyNames()
                        .iterator()
                        .next()
                : null;
        for (String pathValue : pathValues) {
            String path = template.replaceAll("\\{[^}]+}", pathValue);
            send(owner, method, path, Map.of(), null, null);
            for (JsonNode parameter : query) {
                for (String value : HOSTILE_SCALARS) {
                    send(owner, method, path, Map.of(parameter.get("name").asString(), value), null, null);
                }
            }
            if (!hasBody) {
                continue;
            }
            for (String body :
                    List.of("", "{", "[]", "null", "\"text\"", "{\"a\":".repeat(2000), "[".repeat(3000), "{}")) {
                send(owner, method, path, Map.of(), MediaType.APPLICATION_JSON_VALUE, body);
            }
            send(owner, method, path, Map.of(), MediaType.TEXT_PLAIN_VALUE, base.toString());
            send(owner, method, path, Map.of(), MediaType.APPLICATION_XML_VALUE, "<a>1</a>");
            send(owner, method, path, Map.of(), "application/merge-patch+json", base.toString());
            for (String field : base.propertyNames()) {
                for (JsonNode hostile : hostileValues()) {
                    ObjectNode mutated = base.deepCopy();
                    mutated.set(field, hostile);
                    send(owner, method, path, Map.of(), bodyType, mutated.toString());
                }
            }
            ObjectNode unknown = base.deepCopy();
            unknown.put("class", "java.lang.Runtime");
            send(owner, method, path, Map.of(), bodyType, unknown.toString());
            for (String field : base.propertyNames()) {
                if (base.get(field).isObject()) {
                    for (String inner : base.get(field).propertyNames()) {
                        ObjectNode mutated = base.deepCopy();
                        ((ObjectNode) mutated.get(field)).put(inner, "not what it should be");
                        send(owner, method, path, Map.of(), bodyType, mutated.toString());
                        ((ObjectNode) mutated.get(field)).set(inner, json.createArrayNode());
                        send(owner, method, path, Map.of(), bodyType, mutated.toString());
                    }
                }
            }
        }
    }

    private List<JsonNode> hostileValues() {
        List<JsonNode> values = new ArrayList<>();
        values.add(json.nullNode());
        values.add(json.getNodeFactory().booleanNode(true));
        values.add(json.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999999999")));
        values.add(json.getNodeFactory().numberNode(-1));
        values.add(json.getNodeFactory().numberNode(Long.MIN_VALUE));
        values.add(json.getNodeFactory().numberNode(1.0e308));
        values.add(json.getNodeFactory().stringNode(""));
        values.add(json.getNodeFactory().stringNode("x".repeat(20_000)));
        values.add(json.getNodeFactory().stringNode("\u202e\u0000\ud83d\udca5 \u00e9\u0301 \uffff"));
        values.add(json.getNodeFactory().stringNode("+999999999-12-31T23:59:59Z"));
        values.add(json.getNodeFactory().stringNode(UUID.randomUUID().toString()));
        values.add(json.createArrayNode().add(1).add("two"));
        values.add(json.createObjectNode().put("nested", "value"));
        return values;
    }

    /** A plausible body: the operation's example, or one built from its schema's examples and types. */
    private ObjectNode example(JsonNode operation, JsonNode schemas) {
        JsonNode content = operation.at("/requestBody/content");
        for (var type : content.properties()) {
            JsonNode examples = type.getValue().path("examples");
            for (var example : examples.properties()) {
                JsonNode value = example.getValue().path("value");
                JsonNode parsed = value.isString() ? parse(value.asString()) : value;
                if (parsed != null && parsed.isObject()) {
                    return (ObjectNode) parsed.deepCopy();
                }
            }
            JsonNode built = fromSchema(type.getValue().path("schema"), schemas, 0);
            if (built.isObject()) {
                return (ObjectNode) built;
            }
        }
        return json.createObjectNode();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private JsonNode fromSchema(JsonNode schema, JsonNode schemas, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return depth > 4 ? json.nullNode() : fromSchema(schemas.path(name), schemas, depth + 1);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = json.createObjectNode();
                for (var property : schema.path("properties").properties()) {
                    object.set(property.getKey(), fromSchema(property.getValue(), schemas, depth + 1));
                }
                yield object;
            }
            case "array" -> json.createArrayNode().add(fromSchema(schema.path("items"), schemas, depth + 1));
            case "integer", "number" -> json.getNodeFactory().numberNode(1);
            case "boolean" -> json.getNodeFactory().booleanNode(false);
            default -> json.getNodeFactory().stringNode("text");
        };
    }

    private MvcResult send(
            TestBusiness business, HttpMethod method, String path, Map<String, String> query, String type, String body)
            throws Exception {
        StringBuilder uri = new StringBuilder(path);
        String separator = "?";
        for (var parameter : query.entrySet()) {
            uri.append(separator)
                    .append(UriUtils.encodeQueryParam(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(UriUtils.encodeQueryParam(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        MockHttpServletRequestBuilder request = request(method, URI.create(uri.toString()));
        request = path.startsWith("/api/admin")
                ? api.asAdmin(request)
                : api.as(business, request).header("X-Admin-Key", TestApi.ADMIN_KEY);
        if (type != null) {
            request.contentType(type).content(body.getBytes(StandardCharsets.UTF_8));
        }
        MvcResult result = api.mvc().perform(request).andReturn();
        requests++;
        check(method + " " + uri + (body == null ? "" : " " + abbreviate(body)), result);
        return result;
    }

    private void check(String what, MvcResult result) throws Exception {
        int status = result.getResponse().getStatus();
        String content = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + abbreviate(content));
        } else if (CLASS_NAME.matcher(content).find() || content.contains("Exception")) {
            failures.add(what + " -> " + status + " names a class: " + abbreviate(content));
        } else if (status >= 400
                && !String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")
                && status != 405
                && status != 406) {
            failures.add(what + " -> " + status + " is not a problem: "
                    + result.getResponse().getContentType());
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...";
    }

    /**
     * Every route with an id, tried by another business with the owner's real ids (taken from the list
     * next to it): 404, never the resource. Returns how many routes were checked.
     */
    private int isolation(TestBusiness owner, TestBusiness intruder, JsonNode docs) throws Exception {
        Map<String, List<String>> idsByList = new LinkedHashMap<>();
        int checked = 0;
        for (var path : docs.get("paths").properties()) {
            String template = path.getKey();
            if (!template.startsWith("/api/") || template.startsWith("/api/admin") || !template.contains("{")) {
                continue;
            }
            String list = template.substring(0, template.indexOf("/{"));
            List<String> ids = idsByList.computeIfAbsent(list, l -> listIds(owner, l));
            if (ids.isEmpty()) {
                continue;
            }
            checked++;
            for (var operation : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase(java.util.Locale.ROOT));
                String concrete = template.replaceAll("\\{[^}]+}", ids.getFirst());
                MockHttpServletRequestBuilder request = api.as(intruder, request(method, URI.create(concrete)));
                if (operation.getValue().has("requestBody")) {
                    request.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
                MvcResult result = api.mvc().perform(request).andReturn();
                requests++;
                int status = result.getResponse().getStatus();
                if (status != 404 && status != 400 && status != 405) {
                    failures.add("intruder " + method + " " + concrete + " -> " + status + " (expected 404)");
                }
                String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                if (body.contains("Dana Smith") || body.contains("Sam Lee") || body.contains("Cambridge")) {
                    failures.add("intruder " + method + " " + concrete + " saw the owner's data");
                }
            }
        }
        return checked;
    }

    private List<String> listIds(TestBusiness owner, String list) {
        MvcResult result;
        try {
            result = api.mvc().perform(api.as(owner, get(list))).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (result.getResponse().getStatus() != 200) {
            return List.of(); // not a list (e.g. sandbox calls are addressed by their call sid)
        }
        JsonNode items = api.read(result).path("items");
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.hasNonNull("id")) {
                ids.add(item.get("id").asString());
            }
        }
        return ids;
    }
}
