package dev.frontdesk.widget.internal;

import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import io.swagger.v3.oas.annotations.Hidden;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser side of the widget: {@code embed.js}, which any site adds with one script tag and which
 * opens the chat in an iframe, and the chat page itself. Both are self-contained (no external library,
 * inline CSS and script under a per-response CSP nonce).
 */
@RestController
@Hidden
class WidgetPagesController {

    static final MediaType JAVASCRIPT =
            new MediaType("application", "javascript", java.nio.charset.StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tenants tenants;

    WidgetPagesController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/widget/embed.js")
    ResponseEntity<String> embed() {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .body(EMBED_JS);
    }

    @GetMapping("/widget/chat")
    ResponseEntity<String> chat(@RequestParam(required = false) String token) {
        Optional<Business> business = Optional.ofNullable(token)
                .filter(WidgetController::plausibleToken)
                .flatMap(tenants::findByWidgetToken)
                .filter(Business::isActive);
        String nonce = nonce();
        if (business.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noStore())
                    .header("Content-Security-Policy", csp(nonce, "*"))
                    .body(UNAVAILABLE_HTML.replace("{{nonce}}", nonce));
        }
        var origins = business.get().settings().messaging().widgetAllowedOrigins();
        String ancestors = origins.isEmpty()
                ? "*"
                : "'self' "
                        + origins.stream()
                                .map(WidgetOrigins::normalize)
                                .flatMap(Optional::stream)
                                .collect(Collectors.joining(" "));
        String html = CHAT_HTML
                .replace("{{nonce}}", nonce)
                .replace("{{name}}", html(business.get().name()))
                .replace("{{token}}", html(token));
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", csp(nonce, ancestors))
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }

    private static String csp(String nonce, String frameAncestors) {
        return "default-src 'none'; connect-src 'self'; img-src 'self' data:; style-src 'nonce-" + nonce
                + "'; script-src 'nonce-" + nonce + "'; base-uri 'none'; form-action 'none'; frame-ancestors "
                + frameAncestors;
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static final String EMBED_JS = """
            /* Frontdesk web chat widget: <script src=".../widget/embed.js" data-token="fdw_..." async></script> */
            (function () {
              "use strict";
              if (window.__frontdeskWidget) { return; }
              window.__frontdeskWidget = true;
              var script = document.currentScript;
              if (!script) {
                var all = document.getElementsByTagName("script");
                for (var i = all.length - 1; i >= 0; i--) {
                  if (/\\/widget\\/embed\\.js(\\?|$)/.test(all[i].src)) { script = all[i]; break; }
                }
              }
              if (!script) { return; }
              var src = new URL(script.src, document.baseURI);
              var token = script.getAttribute("data-token") || src.searchParams.get("token");
              if (!token) { console.warn("Frontdesk widget: no data-token on the script tag"); return; }
              var chatUrl = src.origin + "/widget/chat?token=" + encodeURIComponent(token);
              var color = script.getAttribute("data-color") || "#1f6feb";
              var label = script.getAttribute("data-label") || "Chat with us";

              function start() {
                var button = document.createElement("button");
                button.type = "button";
                button.setAttribute("aria-label", label);
                button.setAttribute("aria-expanded", "false");
                button.textContent = "\\uD83D\\uDCAC";
                button.style.cssText = "position:fixed;right:20px;bottom:20px;width:56px;height:56px;" +
                  "border-radius:50%;border:0;background:" + color + ";color:#fff;font-size:26px;cursor:pointer;" +
                  "box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483646";
                var frame = null;
                button.addEventListener("click", function () {
                  if (!frame) {
                    frame = document.createElement("iframe");
                    frame.src = chatUrl;
                    frame.title = label;
                    frame.setAttribute("allow", "clipboard-write");
                    frame.style.cssText = "position:fixed;right:20px;bottom:88px;width:360px;height:520px;" +
                      "max-width:calc(100vw - 40px);max-height:calc(100vh - 110px);border:0;border-radius:12px;" +
                      "box-shadow:0 8px 30px rgba(0,0,0,.3);background:#fff;z-index:2147483647";
                    document.body.appendChild(frame);
                  } else {
                    frame.style.display = frame.style.display === "none" ? "block" : "none";
                  }
                  button.setAttribute("aria-expanded", frame.style.display === "none" ? "false" : "true");
                });
                document.body.appendChild(button);
              }
              if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
            })();
            """;

    static final String UNAVAILABLE_HTML = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Chat not available</title>
            <style nonce="{{nonce}}">body{font:16px system-ui,sans-serif;margin:0;display:flex;align-items:center;
            justify-content:center;min-height:100vh;color:#333;background:#f6f7f9;text-align:center;padding:20px}</style>
            </head><body><main><h1>Sorry, this chat is not available</h1>
            <p>Please contact the business by phone or email instead.</p></main></body></html>
            """;

    static final String CHAT_HTML = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Chat with {{name}}</title>
            <style nonce="{{nonce}}">
            *{box-sizing:border-box}
            body{font:15px/1.4 system-ui,sans-serif;margin:0;height:100vh;display:flex;flex-direction:column;background:#fff;color:#1b1b1b}
            header{background:#1f6feb;color:#fff;padding:12px 16px;font-weight:600}
            #log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}
            .msg{max-width:85%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}
            .assistant{background:#fff;border:1px solid #dde1e6;align-self:flex-start}
            .visitor{background:#1f6feb;color:#fff;align-self:flex-end}
            .notice{align-self:center;color:#8a1c1c;background:#fdecec;font-size:13px}
            form{display:flex;gap:8px;padding:10px;border-top:1px solid #dde1e6}
            input{flex:1;padding:10px;border:1px solid #b9bfc7;border-radius:8px;font:inherit}
            input:focus,button:focus{outline:2px solid #1f6feb;outline-offset:1px}
            button{padding:10px 14px;border:0;border-radius:8px;background:#1f6feb;color:#fff;font:inherit;cursor:pointer}
            button:disabled,input:disabled{opacity:.6;cursor:not-allowed}
            .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            </style></head>
            <body data-token="{{token}}">
            <header id="title">{{name}}</header>
            <div id="log" role="log" aria-live="polite" aria-relevant="additions" aria-labelledby="title"></div>
            <form id="form" autocomplete="off">
              <label for="message" class="sr-only">Your message</label>
              <input id="message" name="message" maxlength="1000" placeholder="Type your message…" required>
              <button id="send" type="submit">Send</button>
            </form>
            <script nonce="{{nonce}}">
            (function () {
              "use strict";
              var token = document.body.getAttribute("data-token");
              var log = document.getElementById("log");
              var form = document.getElementById("form");
              var input = document.getElementById("message");
              var send = document.getElementById("send");
              var conversationId = null;
              var busy = false;
              var ended = false;
              var asking = null;
              var asks = 0;

              function show(text, who) {
                var p = document.createElement("p");
                p.className = "msg " + who;
                p.textContent = text;
                log.appendChild(p);
                log.scrollTop = log.scrollHeight;
              }
              function setBusy(value) {
                busy = value;
                input.disabled = value || ended;
                send.disabled = value || ended;
                if (!input.disabled) { input.focus(); }
              }
              function post(text) {
                var body = { text: text };
                if (conversationId) { body.conversationId = conversationId; }
                setBusy(true);
                return fetch("/api/widget/messages", {
                  method: "POST",
                  headers: { "Content-Type": "application/json", "X-Widget-Token": token },
                  body: JSON.stringify(body)
                }).then(function (response) {
                  if (response.status === 429) {
                    var wait = response.headers.get("Retry-After");
                    throw new Error("You're sending messages a little fast. Please wait" +
                      (wait ? " " + wait + " seconds" : " a moment") + " and try again.");
                  }
                  if (!response.ok) {
                    throw new Error("Sorry, something went wrong. Please try again in a moment.");
                  }
                  return response.json();
                }).then(function (answer) {
                  conversationId = answer.conversationId;
                  asks = 0;
                  answered(answer);
                }).catch(function (error) {
                  var message = error && error.message && error.message.indexOf("Sorry") === 0 ||
                    error && error.message && error.message.indexOf("You're") === 0
                      ? error.message
                      : "Sorry, we couldn't reach the chat. Please check your connection and try again.";
                  show(message, "notice");
                }).then(function () { setBusy(false); });
              }
              function answered(answer) {
                if (answer.reply) { show(answer.reply, "assistant"); }
                if (answer.ended) {
                  ended = true;
                  show("This conversation has ended.", "notice");
                }
                clearTimeout(asking);
                if (answer.pending && !ended && asks < 40) { asking = setTimeout(ask, 2000); }
              }
              // an answer still being written (the reply was the holding line) is asked for every 2 s, up to 40
              // times; a message sent meanwhile brings it with its reply instead
              function ask() {
                if (busy || ended || !conversationId) { return; }
                asks++;
                fetch("/api/widget/answers", {
                  method: "POST",
                  headers: { "Content-Type": "application/json", "X-Widget-Token": token },
                  body: JSON.stringify({ conversationId: conversationId })
                }).then(function (response) {
                  return response.ok ? response.json() : null;
                }).then(function (answer) {
                  if (answer && !busy) { answered(answer); }
                  else if (answer && answer.reply) { show(answer.reply, "assistant"); }
                }).catch(function () { /* asked again after the next message */ });
              }
              form.addEventListener("submit", function (event) {
                event.preventDefault();
                var text = input.value.trim();
                if (!text || busy || ended) { return; }
                input.value = "";
                show(text, "visitor");
                post(text);
              });
              post("");
            })();
            </script>
            </body></html>
            """;
}
