// kyr: small enhancements. Every page works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  var self = document.currentScript;
  var data = function (name) { return self ? self.getAttribute("data-kyr-" + name) : null; };

  function notify(message) {
    var toast = document.createElement("p");
    toast.className = "kyr-toast";
    toast.setAttribute("role", "status");
    toast.textContent = message;
    document.body.appendChild(toast);
    setTimeout(function () { toast.remove(); }, 6000);
  }

  // Search: Material's script bundle is loaded only when the reader opens search.
  var bundle = data("bundle");
  var bundleLoaded = false;
  function loadSearch() {
    if (bundleLoaded || !bundle) return;
    bundleLoaded = true;
    var script = document.createElement("script");
    script.src = bundle;
    document.body.appendChild(script);
  }
  root.classList.remove("no-js");  // shows Material's search button, which opens with CSS alone
  var toggle = document.getElementById("__search");
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) loadSearch(); });
  var input = document.querySelector(".md-search__input");
  if (input) {
    input.addEventListener("focus", loadSearch);
    input.addEventListener("pointerdown", loadSearch);
  }

  // Print button on guidance pages.
  document.querySelectorAll(".kyr-print-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Share: the phone's own share sheet where there is one; the menu links otherwise.
  var share = document.querySelector(".kyr-share");
  if (share && navigator.share) {
    share.querySelector("summary").addEventListener("click", function (event) {
      event.preventDefault();
      navigator.share({ title: document.title, url: share.querySelector("[data-url]").dataset.url })
        .catch(function () {});
    });
  }
  var copy = document.querySelector(".kyr-share__copy");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.dataset.url).then(function () { notify(data("copied")); });
    });
  }

  // A saved page was shown (slow or no signal) and a newer one has arrived: offer it.
  function newerVersion() {
    var note = document.createElement("p");
    note.className = "kyr-toast kyr-newer";
    note.setAttribute("role", "status");
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "kyr-newer__reload";
    reload.textContent = data("reload");
    reload.addEventListener("click", function () { location.reload(); });
    note.appendChild(document.createTextNode(data("newer") + " "));
    note.appendChild(reload);
    document.body.appendChild(note);
  }

  // Offline: keep this language's pages on the device after the first visit.
  var worker = data("service-worker");
  if (worker && "serviceWorker" in navigator && location.protocol.indexOf("http") === 0) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "offline-ready") notify(data("offline-ready"));
      if (event.data && event.data.type === "newer-version") newerVersion();
    });
    navigator.serviceWorker.register(worker, { scope: data("scope") })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        registration.active.postMessage({ type: "save-language", lang: root.lang });
      })
      .catch(function () {});
  }
})();
