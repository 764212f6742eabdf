package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.assistant.Simulator;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessAdmin;
import dev.frontdesk.tenants.BusinessId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The one way left for the assistant to refuse a Try it line: the business is suspended while the line is
 * on its way (after the session check that signs out a suspended business's users, before the assistant
 * reads the business). The phone number and language are checked by the page before the assistant sees
 * them, so the assistant's own checks of them cannot refuse a line from here.
 */
@DashboardTest
class DashboardTryItRefusalTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    BusinessAdmin admin;

    /** The real simulator, which here first lets the operator suspend the business. */
    @MockitoSpyBean
    Simulator simulator;

    @AfterEach
    void realSimulator() {
        reset(simulator);
    }

    @Test
    void aBusinessSuspendedWhileALineIsOnItsWayIsExplainedInPlaceAndNothingIsStored() throws Exception {
        TestBusiness business = api.createBusiness("Try it refused plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        BusinessId id = new BusinessId(UUID.fromString(business.id()));
        doAnswer(call -> {
                    admin.suspend(id);
                    return call.callRealMethod();
                })
                .when(simulator)
                .say(any(), any());

        String refused = api.perform(
                        post("/try")
                                .session(session)
                                .with(csrf())
                                .header("HX-Request", "true")
                                .param("channel", "VOICE")
                                .param("language", "en")
                                .param("phone", "617 555 0123")
                                .param("text", "hi I need a drain cleaning tomorrow at 10"),
                        200)
                .getResponse()
                .getContentAsString();

        assertThat(refused)
                .contains("The assistant could not take that line: This business is suspended", "role=\"alert\"")
                .contains("value=\"hi I need a drain cleaning tomorrow at 10\"")
                .doesNotContain("Exception");
        admin.activate(id);
        assertThat(api.getJson("/api/conversations", business, 200).get("total").asInt())
                .isZero();
    }
}
