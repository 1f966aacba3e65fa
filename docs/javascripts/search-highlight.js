/* On a page opened from a search result (?h=words#anchor), mark the searched words in the
   question or glossary term the result points at. */
import { onPage } from "./page.js";

function highlight() {
  const words = (new URLSearchParams(window.location.search).get("h") || "").toLowerCase().split(/\s+/).filter((w) => w.length > 1);
  const target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  if (!words.length || !target || target.dataset.highlighted) return;
  target.dataset.highlighted = "1";
  const pattern = new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})[\\p{L}\\p{N}]*`, "giu");
  for (const part of section(target)) mark(part, pattern);
}

/** The target heading and what follows it up to the next heading of its level or above. */
function section(heading) {
  const level = Number(heading.tagName.slice(1)) || 6;
  const parts = [heading];
  for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
    if (/^H[1-6]$/.test(next.tagName) && Number(next.tagName.slice(1)) <= level) break;
    parts.push(next);
  }
  return parts;
}

function mark(root, pattern) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest("math, script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);
  for (const text of texts) {
    const matches = [...text.data.matchAll(pattern)];
    if (!matches.length) continue;
    const out = document.createDocumentFragment();
    let at = 0;
    for (const match of matches) {
      out.append(text.data.slice(at, match.index));
      const hit = document.createElement("mark");
      hit.className = "search-hit";
      hit.textContent = match[0];
      out.append(hit);
      at = match.index + match[0].length;
    }
    out.append(text.data.slice(at));
    text.replaceWith(out);
  }
}

onPage(highlight);
