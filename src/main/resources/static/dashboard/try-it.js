// Try it, spoken: a Speak button that fills in and sends what the browser's speech recogniser heard
// (SpeechRecognition, webkitSpeechRecognition in Chrome), and the replies read aloud (speechSynthesis) when
// "Speak the replies aloud" is ticked. Both are shown only where the browser has the API; without them,
// or without JavaScript, the page works by typing. The chat form is replaced after every line (htmx), so
// the controls are set up again on each new form.
(function () {
  var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  var synthesis = window.speechSynthesis;

  function language(form) {
    var chosen = form.querySelector("[name=language]");
    return chosen && chosen.value ? chosen.value : form.getAttribute("data-language") || "en";
  }

  function listen(form, button) {
    var recogniser = new Recognition();
    recogniser.lang = language(form);
    recogniser.interimResults = false;
    recogniser.maxAlternatives = 1;
    button.setAttribute("aria-pressed", "true");
    button.textContent = "Listening…";
    recogniser.onresult = function (event) {
      var heard = event.results[0][0];
      form.querySelector("[name=text]").value = heard.transcript;
      form.querySelector("[name=confidence]").value = String(heard.confidence);
      form.requestSubmit();
    };
    recogniser.onend = function () {
      button.setAttribute("aria-pressed", "false");
      button.textContent = "Speak";
    };
    recogniser.onerror = function () {
      /* no microphone, refused or nothing heard: typing still works */
    };
    recogniser.start();
  }

  function speak(form) {
    var box = form.querySelector("[name=speak]");
    var latest = form.querySelector("[data-reply=latest] .said");
    if (!synthesis || !box || !box.checked || !latest) {
      return;
    }
    var utterance = new SpeechSynthesisUtterance(latest.textContent);
    utterance.lang = language(form);
    synthesis.cancel();
    synthesis.speak(utterance);
  }

  function enhance(root) {
    var form = root.id === "chat" ? root : root.querySelector && root.querySelector("form#chat");
    if (!form || form.hasAttribute("data-enhanced")) {
      return;
    }
    form.setAttribute("data-enhanced", "");
    var button = form.querySelector("[data-listen]");
    if (Recognition && button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        listen(form, button);
      });
    }
    var option = form.querySelector("[data-speak-option]");
    if (synthesis && option) {
      option.hidden = false;
    }
    if (root !== document) {
      speak(form);
    }
  }

  enhance(document);
  document.addEventListener("htmx:load", function (event) {
    enhance(event.detail.elt);
  });
})();
