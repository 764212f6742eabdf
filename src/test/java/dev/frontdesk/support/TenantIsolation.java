package dev.frontdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi.TestBusiness;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The isolation pattern every module reuses: a resource of business A is invisible to business B. B's
 * key gets 404 (not 403, which would confirm the id exists) for reading, changing, deleting and acting
 * on it, and A still sees it unchanged afterwards.
 */
public final class TenantIsolation {

    private TenantIsolation() {}

    /**
     * @param resourcePath a resource owned by {@code owner}, e.g. {@code /api/appointments/{id}}
     * @param patchBody a change to attempt with PATCH, or null when the resource cannot be patched
     * @param deletable whether the resource supports DELETE
     * @param actionBody the JSON body sent with every action (a valid one, so that only ownership fails)
     * @param actionPaths POST actions on the resource, e.g. {@code /api/appointments/{id}/cancel}
     */
    public static void assertInvisibleToOtherBusiness(
            TestApi api,
            TestBusiness owner,
            TestBusiness intruder,
            String resourcePath,
            String patchBody,
            boolean deletable,
            String actionBody,
            String... actionPaths) {
        JsonNode before = api.read(api.perform(api.as(owner, get(resourcePath)), 200));

        api.perform(api.as(intruder, get(resourcePath)), 404);
        if (patchBody != null) {
            api.perform(
                    api.as(intruder, patch(resourcePath))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(patchBody),
                    404);
        }
        if (deletable) {
            api.perform(api.as(intruder, delete(resourcePath)), 404);
        }
        for (String action : actionPaths) {
            api.perform(
                    api.as(intruder, post(action))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(actionBody),
                    404);
        }

        JsonNode after = api.read(api.perform(api.as(owner, get(resourcePath)), 200));
        assertThat(after).as("the owner's resource is unchanged").isEqualTo(before);
    }
}
