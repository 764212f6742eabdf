// Copy buttons of the API keys page: a button with data-copy="<id>" copies that element's text. Without
// JavaScript (or clipboard access) the value is still on the page to select and copy by hand.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy]");
  if (!button || !navigator.clipboard) {
    return;
  }
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) {
    return;
  }
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    var status = document.getElementById(button.getAttribute("data-copy") + "-copied");
    if (status) {
      status.textContent = "Copied.";
    }
  }, function () {
    /* the clipboard was refused: the value stays on the page to copy by hand */
  });
});
