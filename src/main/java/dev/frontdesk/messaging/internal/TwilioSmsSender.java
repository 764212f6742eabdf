package dev.frontdesk.messaging.internal;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import dev.frontdesk.messaging.Messages.Purpose;
import dev.frontdesk.shared.Breakers;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.net.URI;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Twilio Programmable Messaging over twilio-java's REST client. The client is built here (not with the
 * global {@code Twilio.init}); its HTTP client makes one attempt per call (retries are
 * {@link MessagesService}'s) and, when {@code TWILIO_API_BASE_URL} is set, sends every request there
 * instead of {@code https://api.twilio.com} (tests point it at WireMock). Sends go through the
 * {@code twilio-sms} circuit breaker: while Twilio keeps failing, a text fails at once.
 */
final class TwilioSmsSender implements SmsSender {

    private final TwilioRestClient client;
    private final Breakers breakers;

    TwilioSmsSender(String accountSid, String authToken, String apiBaseUrl, Breakers breakers) {
        this.breakers = breakers;
        if (accountSid == null || authToken == null) {
            throw new IllegalStateException("FRONTDESK_SMS=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
        }
        this.client = new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new OneAttemptHttpClient(apiBaseUrl))
                .build();
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public String send(BusinessId business, PhoneNumber from, PhoneNumber to, String body, Purpose purpose) {
        if (from == null) {
            throw new SmsFailure("the business has no phone number to text from", false, null);
        }
        try {
            return breakers.call(
                    "twilio-sms",
                    failure -> failure instanceof SmsFailure f && f.transientFailure(),
                    () -> create(from, to, body));
        } catch (Breakers.Open open) {
            // Twilio kept failing: fail now (no retries) rather than hold every sender for its timeouts
            throw new SmsFailure(open.getMessage(), false, open);
        }
    }

    private String create(PhoneNumber from, PhoneNumber to, String body) {
        try {
            Message message = Message.creator(
                            new com.twilio.type.PhoneNumber(to.e164()),
                            new com.twilio.type.PhoneNumber(from.e164()),
                            body)
                    .create(client);
            return message.getSid();
        } catch (ApiConnectionException e) {
            throw new SmsFailure("Twilio could not be reached: " + e.getMessage(), true, e);
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            boolean retry = status == null || status >= 500 || status == 429;
            throw new SmsFailure("Twilio answered " + status + " (code " + e.getCode() + ")", retry, e);
        }
    }

    /** twilio-java's network client, one attempt per request, optionally sent to another base URL. */
    static final class OneAttemptHttpClient extends HttpClient {

        // Apache's own retry (it repeats a 503 once) is off: MessagesService decides about retries
        private final NetworkHttpClient network = new NetworkHttpClient(HttpClientBuilder.create()
                .useSystemProperties()
                .disableAutomaticRetries()
                .setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG));
        private final URI baseUrl;

        OneAttemptHttpClient(String baseUrl) {
            this.baseUrl = baseUrl == null ? null : URI.create(baseUrl.replaceAll("/+$", ""));
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public Response makeRequest(Request request) {
            return network.makeRequest(baseUrl == null ? request : rebased(request));
        }

        private Request rebased(Request request) {
            URI original = URI.create(request.getUrl());
            String url = baseUrl
                    + original.getRawPath()
                    + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
            Request copy = new Request(request.getMethod(), url);
            if (request.getAuthStrategy() != null) {
                copy.setAuth(request.getAuthStrategy());
            } else if (request.getUsername() != null) {
                copy.setAuth(request.getUsername(), request.getPassword());
            }
            request.getQueryParams().forEach((name, values) -> values.forEach(v -> copy.addQueryParam(name, v)));
            request.getPostParams().forEach((name, values) -> values.forEach(v -> copy.addPostParam(name, v)));
            request.getHeaderParams().forEach((name, values) -> values.forEach(v -> copy.addHeaderParam(name, v)));
            copy.setUserAgentExtensions(request.getUserAgentExtensions());
            if (request.getContentType() != null) {
                copy.setContentType(request.getContentType());
            }
            if (request.getBody() != null) {
                copy.setBody(request.getBody());
            }
            return copy;
        }
    }
}
