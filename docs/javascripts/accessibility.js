/* Keyboard access to formulas wider than the page: they scroll sideways and take a tab stop; the
   others neither scroll nor take one (the stylesheet clips a sub-pixel overflow). Material gives
   wide code blocks their tab stop. A formula is checked when it is first laid out and whenever it
   or its MathML changes size (a narrower window, a font that loads late); all sizes are read
   before any attribute is written, so the page is laid out once per check. */

function repair(formulas) {
  const wide = formulas.map((formula) => formula.scrollWidth > formula.clientWidth + 1);
  formulas.forEach((formula, index) => {
    if (wide[index]) {
      formula.setAttribute("tabindex", "0");
      formula.setAttribute("role", "group");
      formula.setAttribute("aria-label", "Formula, scrolls sideways");
    } else if (formula.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-label"].forEach((name) => formula.removeAttribute(name));
    }
  });
}

const formulas = document.querySelectorAll(".math-display");
if (formulas.length && window.ResizeObserver) {
  const observer = new ResizeObserver((entries) => {
    repair([...new Set(entries.map((entry) => entry.target.closest(".math-display")))]);
  });
  formulas.forEach((formula) => {
    observer.observe(formula);
    if (formula.firstElementChild) observer.observe(formula.firstElementChild);
  });
} else {
  repair([...formulas]);
}
