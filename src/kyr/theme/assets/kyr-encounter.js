// The encounter page (overrides/encounter.html): show the card full screen with the screen kept
// awake, and play each statement. Without this file the card and the texts are still there.
(function () {
  "use strict";
  var card = document.getElementById("kyr-card");
  if (!card) return;
  var show = document.querySelector(".kyr-card__show");
  var close = card.querySelector(".kyr-card__close");
  var lock = null;

  // Screen Wake Lock where the browser has it; nothing happens where it does not.
  function keepAwake() {
    if (!("wakeLock" in navigator) || lock) return;
    navigator.wakeLock.request("screen").then(function (sentinel) {
      lock = sentinel;
      lock.addEventListener("release", function () { lock = null; });
    }).catch(function () {});
  }
  function letSleep() {
    if (lock) lock.release().catch(function () {});
    lock = null;
  }

  // The largest type at which every statement fits the screen (portrait or landscape).
  function fit() {
    var size = 64;
    card.style.fontSize = size + "px";
    while (size > 12 && (card.scrollHeight > card.clientHeight || card.scrollWidth > card.clientWidth)) {
      size -= 1;
      card.style.fontSize = size + "px";
    }
  }
  function open() {
    card.classList.add("kyr-card--full");
    close.hidden = false;
    fit();
    close.focus();
    keepAwake();
  }
  function shut() {
    card.classList.remove("kyr-card--full");
    card.style.fontSize = "";
    close.hidden = true;
    letSleep();
    show.focus();
  }
  show.hidden = false;
  show.addEventListener("click", open);
  close.addEventListener("click", shut);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && card.classList.contains("kyr-card--full")) shut();
  });
  window.addEventListener("resize", function () {
    if (card.classList.contains("kyr-card--full")) fit();
  });
  // A wake lock ends when the page is hidden; take it again when the card is back in view.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && card.classList.contains("kyr-card--full")) keepAwake();
  });

  // Play: the phone's own voice for the language when it has one on the device (nothing is
  // sent anywhere), otherwise the small audio file made at build time.
  var audio = document.querySelector(".kyr-audio");
  var speech = window.speechSynthesis;
  function localVoice(lang) {
    var voices = speech ? speech.getVoices() : [];
    for (var i = 0; i < voices.length; i++) {
      var voice = voices[i];
      if (voice.localService && voice.lang.toLowerCase().split(/[-_]/)[0] === lang.toLowerCase().split("-")[0]) return voice;
    }
    return null;
  }
  function play(button) {
    var lang = button.getAttribute("data-lang");
    var voice = localVoice(lang);
    if (speech) speech.cancel();
    audio.pause();
    if (voice) {
      var utterance = new SpeechSynthesisUtterance(button.getAttribute("data-text"));
      utterance.voice = voice;
      utterance.lang = voice.lang;
      speech.speak(utterance);
    } else {
      audio.src = button.getAttribute("data-src");
      audio.play().catch(function () {});
    }
  }
  var buttons = document.querySelectorAll(".kyr-play");
  function reveal() {
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      if (button.getAttribute("data-src") || localVoice(button.getAttribute("data-lang"))) {
        button.hidden = false;
      }
    }
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function (event) { play(event.currentTarget); });
  }
  reveal();
  // Some browsers list their voices only after a moment.
  if (speech && speech.addEventListener) speech.addEventListener("voiceschanged", reveal);
})();
