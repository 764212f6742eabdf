package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The Settings page and the API keys page: the owner changes hours, closed dates, services, the assistant,
 * emergency keywords and reminders with the settings API's rules (errors beside the fields, nothing saved),
 * rotates keys that are shown once; staff and viewers only read; one business cannot touch another's.
 */
@DashboardTest
class DashboardSettingsTest {

    private static final Pattern API_KEY = Pattern.compile("fdk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}");
    private static final Pattern WIDGET_TOKEN = Pattern.compile("fdw_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}");

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    JsonNode settings(TestBusiness business) {
        return api.getJson("/api/settings", business, 200);
    }

    MockHttpServletRequestBuilder hours(MockHttpSession session, String monday, String tuesday, String saturday) {
        return post("/settings/hours")
                .session(session)
                .with(csrf())
                .param("hours-MONDAY", monday)
                .param("hours-TUESDAY", tuesday)
                .param("hours-SATURDAY", saturday);
    }

    @Test
    void theOwnerChangesTheOpeningHoursAndTheApiHasThem() {
        TestBusiness business = api.createBusiness("Settings hours plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        String page = body(api.perform(get("/settings").session(owner), 200));
        assertThat(page)
                .contains("<h1>Settings</h1>", "Opening hours", "value=\"08:00-12:00, 13:00-17:00\"")
                .contains("Save opening hours", "API keys and widget");

        var saved = api.perform(hours(owner, "09:00-12:00, 13:00-18:00", "", "10:00-14:00"), 302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings?saved=hours#hours");
        JsonNode hours = settings(business).get("hours");
        assertThat(hours.get("MONDAY").toString()).isEqualTo("[\"09:00-12:00\",\"13:00-18:00\"]");
        assertThat(hours.has("TUESDAY")).as("an empty day is closed").isFalse();
        assertThat(hours.get("SATURDAY").toString()).isEqualTo("[\"10:00-14:00\"]");

        String fragment =
                body(api.perform(hours(owner, "08:00-17:00", "08:00-17:00", "").header("HX-Request", "true"), 200));
        assertThat(fragment).contains("Saved.", "id=\"hours\"").doesNotContain("<html");
        assertThat(settings(business).get("hours").get("TUESDAY").toString()).isEqualTo("[\"08:00-17:00\"]");
    }

    @Test
    void hoursTheApiRefusesAreExplainedBesideTheDayAndNothingIsSaved() {
        TestBusiness business = api.createBusiness("Settings bad hours plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        JsonNode before = settings(business).get("hours");

        String page = body(api.perform(hours(owner, "17:00-08:00", "08:00-12:00, 11:00-13:00", "09:00-13:00"), 400));
        assertThat(page)
                .contains("Nothing was saved")
                .contains("Monday: must be HH:mm-HH:mm with the start before the end, e.g. 08:00-17:00")
                .contains("Tuesday: 11:00-13:00 overlaps 08:00-12:00")
                .contains("value=\"17:00-08:00\"", "aria-invalid=\"true\"");
        assertThat(settings(business).get("hours")).isEqualTo(before);

        String fragment = body(api.perform(hours(owner, "nine to five", "", "").header("HX-Request", "true"), 200));
        assertThat(fragment).contains("Monday: must be HH:mm-HH:mm", "value=\"nine to five\"");
        assertThat(settings(business).get("hours")).isEqualTo(before);
    }

    @Test
    void closedDatesAreAddedAndRemovedAndABadDateIsExplained() {
        TestBusiness business = api.createBusiness("Settings closed plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        api.perform(post("/settings/closed-dates").session(owner).with(csrf()).param("date", "2026-12-25"), 302);
        api.perform(post("/settings/closed-dates").session(owner).with(csrf()).param("date", "2026-12-26"), 302);
        assertThat(settings(business).get("closedDates").toString()).isEqualTo("[\"2026-12-25\",\"2026-12-26\"]");
        assertThat(body(api.perform(get("/settings").session(owner), 200))).contains("Remove 2026-12-25");

        String bad = body(api.perform(
                post("/settings/closed-dates").session(owner).with(csrf()).param("date", "Christmas"), 400));
        assertThat(bad).contains("Date must be a date such as 2026-12-25");

        api.perform(
                post("/settings/closed-dates/remove")
                        .session(owner)
                        .with(csrf())
                        .param("date", "2026-12-25"),
                302);
        assertThat(settings(business).get("closedDates").toString()).isEqualTo("[\"2026-12-26\"]");
    }

    @Test
    void servicesAreAddedChangedAndRemovedWithTheApisRules() {
        TestBusiness business = api.createBusiness("Settings services plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        assertThat(body(api.perform(get("/settings").session(owner), 200)))
                .contains("value=\"Drain cleaning\"", "value=\"from $120\"", "value=\"leak\"", "New service");

        // drain cleaning changed, leak repair removed, boiler service added in the empty row
        api.perform(
                post("/settings/services")
                        .session(owner)
                        .with(csrf())
                        .param("serviceName", "Drain cleaning", "Leak repair", "Boiler service")
                        .param("serviceDuration", "45", "90", "120")
                        .param("servicePrice", "from $99", "", "$150")
                        .param("serviceAliases", "blocked drain, unblock", "leak", "boiler, heating")
                        .param("serviceRemove", "1"),
                302);
        JsonNode services = settings(business).get("services");
        assertThat(services.size()).isEqualTo(2);
        assertThat(services.get(0).get("name").asString()).isEqualTo("Drain cleaning");
        assertThat(services.get(0).get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(services.get(0).get("priceText").asString()).isEqualTo("from $99");
        assertThat(services.get(0).get("aliases").toString()).isEqualTo("[\"blocked drain\",\"unblock\"]");
        assertThat(services.get(1).get("name").asString()).isEqualTo("Boiler service");

        // a clash of names, a too short duration and a duration that is no number: nothing saved
        String page = body(api.perform(
                post("/settings/services")
                        .session(owner)
                        .with(csrf())
                        .param("serviceName", "Drain cleaning", "Boiler service", "Unblocking")
                        .param("serviceDuration", "45", "2", "60")
                        .param("servicePrice", "", "", "")
                        .param("serviceAliases", "", "", "drain cleaning"),
                400));
        assertThat(page)
                .contains("Minutes must be greater than or equal to 5")
                .contains("the name or alias &#39;drain cleaning&#39; is already used by another service");
        String typo = body(api.perform(
                post("/settings/services")
                        .session(owner)
                        .with(csrf())
                        .param("serviceName", "Drain cleaning")
                        .param("serviceDuration", "an hour")
                        .param("servicePrice", "")
                        .param("serviceAliases", ""),
                400));
        assertThat(typo).contains("Minutes must be a whole number of minutes", "value=\"an hour\"");
        assertThat(settings(business).get("services")).isEqualTo(services);
    }

    @Test
    void theAssistantsGreetingVoiceAndPromptChangeAndThePromptResetsToTheDefault() {
        TestBusiness business = api.createBusiness("Settings assistant plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        api.perform(
                post("/settings/assistant")
                        .session(owner)
                        .with(csrf())
                        .param("greeting", "Bristol Plumbing, Sam speaking!")
                        .param("voice", "Polly.Joanna-Neural")
                        .param("prompt", "You are Sam, the cheerful receptionist."),
                302);
        JsonNode business1 = settings(business);
        assertThat(business1.get("greeting").asString()).isEqualTo("Bristol Plumbing, Sam speaking!");
        JsonNode assistant = business1.get("settings").get("assistant");
        assertThat(assistant.get("voice").asString()).isEqualTo("Polly.Joanna-Neural");
        assertThat(assistant.get("prompt").asString()).isEqualTo("You are Sam, the cheerful receptionist.");
        assertThat(body(api.perform(get("/settings").session(owner), 200)))
                .contains("Your own instructions are in use.");

        String bad = body(api.perform(
                post("/settings/assistant")
                        .session(owner)
                        .with(csrf())
                        .param("greeting", "Hello")
                        .param("voice", "Polly Joanna!")
                        .param("prompt", "Changed"),
                400));
        assertThat(bad).contains("Voice may only contain letters, digits, &#39;.&#39;, &#39;_&#39; and &#39;-&#39;");
        assertThat(settings(business).get("greeting").asString())
                .as("nothing half-saved")
                .isEqualTo("Bristol Plumbing, Sam speaking!");

        api.perform(post("/settings/assistant/reset-prompt").session(owner).with(csrf()), 302);
        JsonNode reset = settings(business);
        assertThat(reset.get("settings").get("assistant").has("prompt")
                        && !reset.get("settings").get("assistant").get("prompt").isNull())
                .isFalse();
        assertThat(reset.get("settings").get("assistant").get("voice").asString())
                .isEqualTo("Polly.Joanna-Neural");
        assertThat(body(api.perform(get("/settings").session(owner), 200)))
                .contains("The default instructions are in use.");
    }

    @Test
    void emergencyKeywordsAndRemindersChangeAndBadValuesAreExplained() {
        TestBusiness business = api.createBusiness("Settings keywords plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        api.perform(
                post("/settings/emergency-keywords")
                        .session(owner)
                        .with(csrf())
                        .param("keywords", "burst pipe\r\n\r\nGas Smell\nflooding"),
                302);
        assertThat(settings(business).get("emergencyKeywords").toString())
                .isEqualTo("[\"burst pipe\",\"gas smell\",\"flooding\"]");
        String tooLong = body(api.perform(
                post("/settings/emergency-keywords")
                        .session(owner)
                        .with(csrf())
                        .param("keywords", "fire\n" + "x".repeat(81)),
                400));
        assertThat(tooLong).contains("Keywords: line 2 must be 1 to 80 characters");

        api.perform(post("/settings/reminders").session(owner).with(csrf()).param("reminderHours", "48"), 302);
        assertThat(settings(business)
                        .get("settings")
                        .get("scheduling")
                        .get("defaultReminderHours")
                        .asInt())
                .isEqualTo(48);
        assertThat(body(api.perform(
                        post("/settings/reminders").session(owner).with(csrf()).param("reminderHours", "500"), 400)))
                .contains("Hours must be less than or equal to 168");
        assertThat(body(api.perform(
                        post("/settings/reminders")
                                .session(owner)
                                .with(csrf())
                                .param("reminderHours", "a day")
                                .header("HX-Request", "true"),
                        200)))
                .contains("Hours must be a whole number of hours");
        assertThat(settings(business)
                        .get("settings")
                        .get("scheduling")
                        .get("defaultReminderHours")
                        .asInt())
                .isEqualTo(48);
    }

    @Test
    void thePageSaysWhetherTheCalendarAndTwilioAreConnectedWithoutSecrets() {
        TestBusiness business = api.createBusiness("Settings status plumbing");
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");
        String page = body(api.perform(get("/settings").session(viewer), 200));
        assertThat(page)
                .contains("Calendar and phone", "Not connected: bookings are kept in Frontdesk only")
                .contains(business.phoneNumber())
                .contains("Sandbox: texts go to the Outbox");
    }

    @Test
    void staffAndViewersReadTheSettingsButCannotChangeThemOrSeeTheKeys() {
        TestBusiness business = api.createBusiness("Settings roles plumbing");
        JsonNode before = settings(business);
        for (String role : new String[] {"STAFF", "VIEWER"}) {
            MockHttpSession session = dashboard.signedIn(business, role);
            assertThat(body(api.perform(get("/settings").session(session), 200)))
                    .contains("Only the business's owner can change the settings", "value=\"08:00-17:00\"")
                    .doesNotContain("Save opening hours", "API keys and widget", "Reset the instructions");
            api.perform(hours(session, "", "", ""), 403);
            api.perform(
                    post("/settings/reminders").session(session).with(csrf()).param("reminderHours", "2"), 403);
            api.perform(
                    post("/settings/assistant/reset-prompt").session(session).with(csrf()), 403);
            api.perform(get("/settings/keys").session(session), 403);
            api.perform(post("/settings/keys/api-key").session(session).with(csrf()), 403);
            api.perform(post("/settings/keys/widget-token").session(session).with(csrf()), 403);
        }
        assertThat(settings(business))
                .as("the API key still works and nothing changed")
                .isEqualTo(before);
    }

    @Test
    void aPostWithoutTheCsrfTokenChangesNothing() {
        TestBusiness business = api.createBusiness("Settings csrf plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        api.perform(post("/settings/hours").session(owner).param("hours-MONDAY", ""), 403);
        api.perform(post("/settings/keys/api-key").session(owner), 403);
        assertThat(settings(business).get("hours").has("MONDAY")).isTrue();
    }

    /** Rotates, then follows the redirect as a browser does (same session): the page that shows the new value. */
    String rotate(MockHttpSession owner, String path) {
        var posted = api.perform(post(path).session(owner).with(csrf()), 302);
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/settings/keys");
        assertThat(body(posted)).as("the value is not in the redirect").doesNotContain("fd");
        return body(api.perform(get("/settings/keys").session(owner), 200));
    }

    @Test
    void aLinkCannotMakeUpANewKey() {
        TestBusiness business = api.createBusiness("Settings fake key plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        assertThat(body(api.perform(
                        get("/settings/keys")
                                .session(owner)
                                .param("what", "API key")
                                .param("value", "fdk_FAKEFAKE_call-this-number"),
                        200)))
                .doesNotContain("FAKEFAKE", "Your new");
    }

    @Test
    void theOwnerRotatesTheApiKeyWhichIsShownOnceAndTheOldOneStopsWorking() {
        TestBusiness business = api.createBusiness("Settings keys plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        String page = body(api.perform(get("/settings/keys").session(owner), 200));
        String oldPrefix = business.apiKey().substring(0, 13);
        assertThat(page).contains(oldPrefix).doesNotContain(business.apiKey(), business.widgetToken());
        assertThat(page)
                .contains(
                        "/widget/embed.js",
                        "data-token=&quot;" + business.widgetToken().substring(0, 13));

        String rotated = rotate(owner, "/settings/keys/api-key");
        var matcher = API_KEY.matcher(rotated);
        assertThat(matcher.find()).as("the new key is on the page").isTrue();
        String newKey = matcher.group();
        assertThat(rotated).contains("Copy it now: it is shown only this once.");

        api.perform(get("/api/settings").header("X-API-Key", business.apiKey()), 401);
        api.perform(get("/api/settings").header("X-API-Key", newKey), 200);
        String again = body(api.perform(get("/settings/keys").session(owner), 200));
        assertThat(again).doesNotContain(newKey).contains(newKey.substring(0, 13));
    }

    @Test
    void theOwnerRotatesTheWidgetTokenAndTheSnippetHasTheNewOneOnce() {
        TestBusiness business = api.createBusiness("Settings widget plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        String rotated = rotate(owner, "/settings/keys/widget-token");
        var matcher = WIDGET_TOKEN.matcher(rotated);
        assertThat(matcher.find()).isTrue();
        String token = matcher.group();
        assertThat(token).isNotEqualTo(business.widgetToken());
        assertThat(rotated).contains("data-token=&quot;" + token + "&quot; async&gt;&lt;/script&gt;");

        api.perform(get("/widget/chat").param("token", business.widgetToken()), 404);
        api.perform(get("/widget/chat").param("token", token), 200);
        assertThat(body(api.perform(get("/settings/keys").session(owner), 200))).doesNotContain(token);
    }

    @Test
    void anOwnerChangesOnlyTheirOwnBusinessWhateverIdsThePostCarries() {
        TestBusiness mine = api.createBusiness("Settings isolation mine");
        TestBusiness theirs = api.createBusiness("Settings isolation theirs");
        JsonNode theirsBefore = settings(theirs);
        MockHttpSession owner = dashboard.signedIn(mine, "OWNER");

        api.perform(
                hours(owner, "07:00-11:00", "", "")
                        .param("businessId", theirs.id())
                        .param("business", theirs.id())
                        .header("X-API-Key", theirs.apiKey()),
                302);
        assertThat(settings(mine).get("hours").get("MONDAY").toString()).isEqualTo("[\"07:00-11:00\"]");
        api.perform(
                post("/settings/keys/api-key")
                        .session(owner)
                        .with(csrf())
                        .param("businessId", theirs.id())
                        .header("X-API-Key", theirs.apiKey()),
                302);
        api.perform(get("/api/settings").header("X-API-Key", mine.apiKey()), 401);
        assertThat(settings(theirs))
                .as("their key still works and nothing of theirs changed")
                .isEqualTo(theirsBefore);
        assertThat(body(api.perform(get("/settings").session(owner), 200))).doesNotContain("Settings isolation theirs");
    }
}
