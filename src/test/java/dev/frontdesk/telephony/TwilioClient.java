package dev.frontdesk.telephony;

import dev.frontdesk.support.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Posts webhooks the way Twilio does: {@code application/x-www-form-urlencoded} bodies, signed with
 * {@code X-Twilio-Signature} (HMAC-SHA1 of the public URL followed by the sorted parameter names and
 * values, base64), computed here independently of the code under test.
 */
public final class TwilioClient {

    static final String AUTH_TOKEN = "test-twilio-auth-token";
    static final String PUBLIC_BASE_URL = "https://frontdesk.example";

    private final TestApi api;
    private final String token;

    TwilioClient(TestApi api, String token) {
        this.api = api;
        this.token = token;
    }

    static String sid(String prefix) {
        return prefix + HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** The parameters Twilio sends with every request about a call. */
    static Map<String, String> call(String callSid, String from, String to) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        params.put("From", from);
        params.put("To", to);
        params.put("Caller", from);
        params.put("Called", to);
        return params;
    }

    /** The call's parameters plus more (e.g. {@code SpeechResult}). */
    static Map<String, String> with(Map<String, String> params, String... namesAndValues) {
        var copy = new LinkedHashMap<>(params);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            copy.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return copy;
    }

    /** An inbound SMS. */
    static Map<String, String> sms(String messageSid, String from, String to, String body) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("ApiVersion", "2010-04-01");
        params.put("MessageSid", messageSid);
        params.put("SmsSid", messageSid);
        params.put("From", from);
        params.put("To", to);
        params.put("Body", body);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        return params;
    }

    /** Twilio's signature of a request to {@code url} with these POST parameters. */
    public static String signature(String authToken, String url, Map<String, String> params) {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned form post. */
    static MockHttpServletRequestBuilder form(String pathAndQuery, Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        // as given, like Twilio requests the URLs we hand it (already encoded)
        return MockMvcRequestBuilders.post(java.net.URI.create(pathAndQuery))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(body);
    }

    /** A form post signed as Twilio signs it (when this client has a token). */
    MockHttpServletRequestBuilder signed(String pathAndQuery, Map<String, String> params) {
        var request = form(pathAndQuery, params);
        if (token != null) {
            request.header("X-Twilio-Signature", signature(token, PUBLIC_BASE_URL + pathAndQuery, params));
        }
        return request;
    }

    /** Posts a signed webhook and returns its body, checking the status and (for 200) the XML content type. */
    String post(String pathAndQuery, Map<String, String> params, int expectedStatus, String... headers) {
        var request = signed(pathAndQuery, params);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        MvcResult result = api.perform(request, expectedStatus);
        try {
            if (expectedStatus == 200) {
                String type = result.getResponse().getContentType();
                if (type == null || !type.startsWith("application/xml")) {
                    throw new AssertionError("TwiML must be application/xml, was " + type);
                }
            }
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of every {@code <Say>} or {@code <Message>} in a TwiML answer, joined. */
    static String spoken(String twiml) {
        var matcher = java.util.regex.Pattern.compile("<(Say|Message)[^>]*>(.*?)</\\1>", java.util.regex.Pattern.DOTALL)
                .matcher(twiml);
        var text = new StringBuilder();
        while (matcher.find()) {
            text.append(matcher.group(2)).append(' ');
        }
        return text.toString().strip();
    }
}
