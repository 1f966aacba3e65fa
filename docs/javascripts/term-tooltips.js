/* A glossary link in an answer shows its term's definition (from term-tips.js, one file for the
   whole site) in a tooltip on hover and on keyboard focus. One tooltip serves the whole page and is
   filled only when a link is pointed at, so a page with hundreds of links costs nothing at load.
   The pointer can move onto the tooltip; Esc hides it (WCAG 1.4.13). */
const tooltip = document.createElement("div");
tooltip.id = "term-tooltip";
tooltip.className = "term-tooltip";
tooltip.setAttribute("role", "tooltip");
tooltip.hidden = true;
document.body.append(tooltip);
let owner = null;  // the link whose definition shows

function termLink(node) {
  return node instanceof Element ? node.closest("a.term-link") : null;
}

function show(link) {
  const text = self.termTips && self.termTips[decodeURIComponent(link.hash.slice(1))];
  if (!text || link === owner) return;
  hide();
  owner = link;
  tooltip.textContent = text;
  tooltip.hidden = false;
  link.setAttribute("aria-describedby", tooltip.id);
  const box = link.getBoundingClientRect();
  const width = tooltip.offsetWidth;
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  tooltip.style.left = `${left + window.scrollX}px`;
  tooltip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function hide() {
  if (!owner) return;
  owner.removeAttribute("aria-describedby");
  owner = null;
  tooltip.hidden = true;
}

document.addEventListener("mouseover", (event) => { const link = termLink(event.target); if (link) show(link); });
document.addEventListener("mouseout", (event) => {
  const to = event.relatedTarget;
  if (owner && !(to instanceof Node && (owner.contains(to) || tooltip.contains(to)))) hide();
});
document.addEventListener("focusin", (event) => { const link = termLink(event.target); link ? show(link) : hide(); });
document.addEventListener("focusout", (event) => { if (termLink(event.target) === owner) hide(); });
document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });
