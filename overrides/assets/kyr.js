// Know Your Rights L.A.: small enhancements; every page works without this file.
document.querySelectorAll(".kyr-print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
