/* Keyboard access to formulas wider than the page: they scroll sideways and take a tab stop; the
   others neither scroll nor take one (the stylesheet clips a sub-pixel overflow). Material gives
   wide code blocks their tab stop. */

function repair() {
  document.querySelectorAll(".math-display").forEach((formula) => {
    if (formula.scrollWidth > formula.clientWidth + 1) {
      formula.setAttribute("tabindex", "0");
      formula.setAttribute("role", "group");
      formula.setAttribute("aria-label", "Formula, scrolls sideways");
    } else {
      ["tabindex", "role", "aria-label"].forEach((name) => formula.removeAttribute(name));
    }
  });
}

repair();  // the page is parsed and styled before this module runs; formulas may still change size
window.addEventListener("load", repair);
window.addEventListener("resize", repair);
if (window.ResizeObserver) {
  const observer = new ResizeObserver(repair);
  document.querySelectorAll(".math-display, .math-display > math").forEach((node) => observer.observe(node));
}
