package dev.frontdesk.campaigns.internal;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Outbound calls through Twilio's Calls API with twilio-java's Call creator: the answer webhook with
 * answering-machine detection, and the status callback when the call ends. The REST client is built here
 * (no global {@code Twilio.init}); with {@code TWILIO_API_BASE_URL} set, every request goes there instead
 * of {@code https://api.twilio.com} (tests point it at WireMock).
 */
final class TwilioCallPlacer implements CallPlacer {

    private final TwilioRestClient client;

    TwilioCallPlacer(String accountSid, String authToken, String apiBaseUrl) {
        if (accountSid == null || accountSid.isBlank() || authToken == null || authToken.isBlank()) {
            throw new IllegalStateException("FRONTDESK_DIALER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
        }
        var builder = new TwilioRestClient.Builder(accountSid, authToken);
        if (apiBaseUrl != null && !apiBaseUrl.isBlank()) {
            builder.httpClient(new RebasedHttpClient(apiBaseUrl));
        }
        this.client = builder.build();
    }

    @Override
    public String place(OutboundCall call) {
        try {
            return Call.creator(new PhoneNumber(call.to()), new PhoneNumber(call.from()), URI.create(call.answerUrl()))
                    .setStatusCallback(URI.create(call.statusUrl()))
                    .setStatusCallbackMethod(com.twilio.http.HttpMethod.POST)
                    .setMachineDetection(call.machineDetection())
                    .setTimeout(25)
                    .create(client)
                    .getSid();
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status != null && status >= 400 && status < 500) {
                // Twilio answered and refused (a bad number, a number we may not call): nothing was placed
                throw new NotPlaced("Twilio refused the call: " + status + " (code " + e.getCode() + ")", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<String> placedFor(OutboundCall call) {
        var claimed = call.claimedAt().minusSeconds(60).atZone(ZoneOffset.UTC);
        int seen = 0;
        for (Call placed : Call.reader()
                .setTo(new PhoneNumber(call.to()))
                .setFrom(new PhoneNumber(call.from()))
                .setPageSize(20L)
                .read(client)) {
            if (placed.getDateCreated() != null && !placed.getDateCreated().isBefore(claimed)) {
                return Optional.of(placed.getSid());
            }
            if (++seen >= 20) {
                break;
            }
        }
        return Optional.empty();
    }

    /** twilio-java's network client with every request sent to another base URL. */
    static final class RebasedHttpClient extends HttpClient {

        private final NetworkHttpClient network = new NetworkHttpClient();
        private final URI baseUrl;

        RebasedHttpClient(String baseUrl) {
            this.baseUrl = URI.create(baseUrl.replaceAll("/+$", ""));
        }

        @Override
        public Response makeRequest(Request request) {
            URI original = URI.create(request.getUrl());
            Request copy = new Request(request.getMethod(), baseUrl + original.getRawPath());
            if (request.getAuthStrategy() != null) {
                copy.setAuth(request.getAuthStrategy());
            } else if (request.getUsername() != null) {
                copy.setAuth(request.getUsername(), request.getPassword());
            }
            request.getQueryParams().forEach((name, values) -> values.forEach(v -> copy.addQueryParam(name, v)));
            request.getPostParams().forEach((name, values) -> values.forEach(v -> copy.addPostParam(name, v)));
            request.getHeaderParams().forEach((name, values) -> values.forEach(v -> copy.addHeaderParam(name, v)));
            return network.makeRequest(copy);
        }
    }
}
