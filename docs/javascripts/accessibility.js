/* Small accessibility repairs: a name for the search dialog, and keyboard access to formulas
   that are wider than the page (they scroll sideways). */
import { onPage } from "./page.js";

function repair() {
  var dialog = document.querySelector(".md-search[role='dialog']");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  Array.prototype.forEach.call(document.querySelectorAll(".math-display"), function (formula) {
    if (formula.scrollWidth > formula.clientWidth + 1) {
      formula.setAttribute("tabindex", "0");
      formula.setAttribute("role", "group");
      formula.setAttribute("aria-label", "Formula, scrolls sideways");
    } else {
      formula.removeAttribute("tabindex");
    }
  });
}

onPage(repair);
window.addEventListener("resize", repair);
