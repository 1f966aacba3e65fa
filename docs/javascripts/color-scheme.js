/* The header's colour-scheme toggle (partials/palette.html). A click switches to the next option and
   keeps the choice; until the reader chooses, the page follows the system's setting as it changes.
   applyPalette comes from the header's inline script, which set the scheme before the first paint. */

const buttons = [...document.querySelectorAll(".color-scheme button")];

buttons.forEach((button, index) => {
  button.addEventListener("click", () => {
    const next = (index + 1) % buttons.length;
    // Material's stylesheet drops transitions while this attribute is set; the new colours are computed (the
    // read below) before it goes, so they switch at once.
    document.body.setAttribute("data-md-color-switching", "");
    window.applyPalette(next, true);
    getComputedStyle(document.body).color;
    document.body.removeAttribute("data-md-color-switching");
    buttons[next].focus();
  });
  matchMedia(button.dataset.media).addEventListener("change", (event) => {
    if (event.matches && !window.__md_get("__palette")) window.applyPalette(index);
  });
});
