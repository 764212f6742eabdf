package dev.frontdesk.home.internal;

import dev.frontdesk.home.HomePage;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a visitor who is not signed in gets at {@code /} (the dashboard serves the path and shows it):
 * one self-contained HTML page (inline CSS under a per-response CSP nonce, no script), rendered on the
 * server.
 */
@Component
class HomePageController implements HomePage {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean sandbox;
    private final String publicBaseUrl;

    HomePageController(
            @Value("${frontdesk.telephony.auth-token:}") String twilioAuthToken,
            @Value("${frontdesk.tenants.public-base-url:}") String publicBaseUrl) {
        this.sandbox = twilioAuthToken == null || twilioAuthToken.isBlank();
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.trim().replaceAll("/+$", "");
    }

    @Override
    public ResponseEntity<String> home() {
        String base = publicBaseUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicBaseUrl;
        String nonce = nonce();
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'nonce-" + nonce + "'; base-uri 'none';"
                                + " form-action 'self'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(page(base, sandbox, nonce));
    }

    /** The page, with the sandbox section when Twilio is not configured (calls are then sandbox calls). */
    static String page(String base, boolean sandbox, String nonce) {
        return PAGE.replace("{{nonce}}", nonce)
                .replace("{{sandbox}}", sandbox ? SANDBOX : TWILIO)
                .replace("{{base}}", HtmlUtils.htmlEscape(base));
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Frontdesk</title>
            <style nonce="{{nonce}}">
            body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:2rem 1.25rem;color:#1b1b1b}
            h1{margin:0 0 .25rem}h2{margin-top:2rem;font-size:1.2rem}
            .lead{color:#444;margin-top:0}
            code,pre{font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f4f6;border-radius:6px}
            code{padding:.1rem .3rem}pre{padding:.75rem;overflow-x:auto;white-space:pre}
            a{color:#0b57d0}a:focus,input:focus,button:focus{outline:2px solid #0b57d0;outline-offset:2px}
            form{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
            input{flex:1;min-width:14rem;padding:.5rem;border:1px solid #9aa0a6;border-radius:6px;font:inherit}
            button{padding:.5rem 1rem;border:0;border-radius:6px;background:#0b57d0;color:#fff;font:inherit;cursor:pointer}
            </style></head>
            <body><main>
            <h1>Frontdesk</h1>
            <p class="lead">An open-source AI receptionist for small businesses. It answers the phone, text
            messages, WhatsApp and a website chat for each business on this service; books, moves and cancels
            appointments against real availability; answers questions from the business's own knowledge;
            takes messages, transfers callers and alerts the owner in an emergency.</p>
            <p>This service is running at <code>{{base}}</code>.</p>

            <h2>Start here</h2>
            <ul>
            <li><a href="/docs">API reference</a> (OpenAPI: <a href="/v3/api-docs">/v3/api-docs</a>). Every
            business calls it with its own <code>X-API-Key</code>; the operator creates businesses with
            <code>X-Admin-Key</code>. Keys are shown once: the admin key and the demo business's keys at the
            first start, a new business's keys when it is created.</li>
            <li><a href="/actuator/health">Health</a>
            (<a href="/actuator/health/readiness">readiness</a>: ready once the assistant's model is loaded).</li>
            <li>Owners and staff: <a href="/login">sign in to the dashboard</a> (today's calls, bookings and
            messages; the appointment book). The first start prints the demo business's owner login.</li>
            </ul>

            <h2>Chat with a business's assistant</h2>
            <p>Enter the business's widget token (<code>fdw_…</code>, printed with its API key) to open the
            chat page a website embeds:</p>
            <form method="get" action="/widget/chat">
            <label for="token">Widget token</label>
            <input id="token" name="token" required autocomplete="off" spellcheck="false" placeholder="fdw_…">
            <button type="submit">Open the chat</button>
            </form>
            {{sandbox}}
            </main></body></html>
            """;

    private static final String SANDBOX = """
            <h2>Place a sandbox call</h2>
            <p>Twilio is not configured, so calls are tried through the API: a sandbox call runs the same
            webhook code a Twilio call runs. With a business's API key:</p>
            <pre>KEY=fdk_…   # the business's X-API-Key
            curl -s -X POST {{base}}/api/sandbox/calls -H "X-API-Key: $KEY" \\
              -H 'Content-Type: application/json' -d '{"from": "+16175550123"}'
            # → {"callSid": "SB…", "said": "Thanks for calling …", "turn": 1, …}
            curl -s -X POST {{base}}/api/sandbox/calls/SB…/say -H "X-API-Key: $KEY" \\
              -H 'Content-Type: application/json' -d '{"text": "I need a drain cleaning tomorrow at 10", "turn": 1}'
            # say each next line with the "turn" of the previous answer, then
            curl -s -X POST {{base}}/api/sandbox/calls/SB…/hangup -H "X-API-Key: $KEY"
            curl -s {{base}}/api/calls -H "X-API-Key: $KEY"   # the call, its outcome and summary</pre>
            <p>Texts and emails sent in the sandbox (reminders, owner alerts, invites) are kept in the
            outbox: <code>GET /api/outbox</code>.</p>
            """;

    private static final String TWILIO = """
            <h2>Phone calls</h2>
            <p>Twilio is configured: calls and texts to a business's numbers reach the assistant through
            <code>/twilio/voice</code> and <code>/twilio/sms</code>. Sandbox calls
            (<code>POST /api/sandbox/calls</code>) still work for trying the assistant out.</p>
            """;
}
