package dev.frontdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The examples of RFC 7386, section 3 and appendix A. */
class JsonMergePatchTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode tree(String text) {
        return json.readTree(text.replace('\'', '"'));
    }

    private void check(String target, String patch, String expected) {
        assertThat(JsonMergePatch.apply(tree(target), tree(patch))).isEqualTo(tree(expected));
    }

    @Test
    void followsTheRfcExamples() {
        check("{'a':'b'}", "{'a':'c'}", "{'a':'c'}");
        check("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}");
        check("{'a':'b'}", "{'a':null}", "{}");
        check("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}");
        check("{'a':['b']}", "{'a':'c'}", "{'a':'c'}");
        check("{'a':'c'}", "{'a':['b']}", "{'a':['b']}");
        check("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}");
        check("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}");
        check("['a','b']", "['c','d']", "['c','d']");
        check("{'a':'b'}", "['c']", "['c']");
        check("{'e':null}", "{'a':1}", "{'e':null,'a':1}");
        check("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}");
    }

    @Test
    void theTargetIsNotModified() {
        JsonNode target = tree("{'a':{'b':1}}");
        JsonMergePatch.apply(target, tree("{'a':{'b':2}}"));
        assertThat(target).isEqualTo(tree("{'a':{'b':1}}"));
    }

    @Test
    void changedPathsNameWhatDiffersDownToTheGivenDepth() {
        assertThat(JsonMergePatch.changedPaths(
                        tree("{'name':'x','settings':{'a':{'x':1},'b':2},'hours':{}}"),
                        tree("{'name':'x','settings':{'a':{'x':2},'b':2},'hours':{'MONDAY':[]}}"),
                        2))
                .containsExactly("hours.MONDAY", "settings.a");
    }
}
