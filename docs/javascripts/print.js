/* The cheat sheets' Print button, and folded content opened for printing. */
import { onPage } from "./page.js";

function setUp() {
  Array.prototype.forEach.call(document.querySelectorAll(".print-button:not([data-ready])"), function (button) {
    button.dataset.ready = "1";
    button.addEventListener("click", function () { window.print(); });
  });
}

var reopened = [];
window.addEventListener("beforeprint", function () {
  reopened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
    d.open = true;
    return true;
  });
});
window.addEventListener("afterprint", function () {
  reopened.forEach(function (d) { d.open = false; });
  reopened = [];
});

onPage(setUp);
