/* A glossary link in an answer shows its term's definition (from term-tips.js, one file for the
   whole site) in a tooltip on hover and on keyboard focus. The definitions are fetched when a link is
   first pointed at or focused, and one tooltip serves the whole page, filled only then, so a page with
   hundreds of links costs nothing at load. The pointer can move onto the tooltip; Esc hides it (WCAG 1.4.13). */
const TIPS_URL = new URL("term-tips.js", document.currentScript.src).href;
let tips = null;  // the definitions, once requested: a promise
const tooltip = document.createElement("div");
tooltip.id = "term-tooltip";
tooltip.className = "term-tooltip";
tooltip.setAttribute("role", "tooltip");
tooltip.hidden = true;
document.body.append(tooltip);
let owner = null;  // the link whose definition shows
let wanted = null;  // the link pointed at or focused, whose definition shows once loaded

function termLink(node) {
  return node instanceof Element ? node.closest("a.term-link") : null;
}

function definitions() {
  tips ||= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = TIPS_URL;
    script.onload = () => resolve(self.termTips || {});
    script.onerror = reject;
    document.head.append(script);
  });
  return tips;
}

function want(link) {
  wanted = link;
  definitions().then(() => { if (wanted === link) show(link); }, () => {});
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
  wanted = null;
  if (!owner) return;
  owner.removeAttribute("aria-describedby");
  owner = null;
  tooltip.hidden = true;
}

document.addEventListener("mouseover", (event) => { const link = termLink(event.target); if (link) want(link); });
document.addEventListener("mouseout", (event) => {
  const to = event.relatedTarget;
  const link = owner || wanted;
  if (link && !(to instanceof Node && (link.contains(to) || tooltip.contains(to)))) hide();
});
document.addEventListener("focusin", (event) => { const link = termLink(event.target); link ? want(link) : hide(); });
document.addEventListener("focusout", (event) => { const link = termLink(event.target); if (link && link === (owner || wanted)) hide(); });
document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });
