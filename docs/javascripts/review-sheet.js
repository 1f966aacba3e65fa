/* "Print my review sheet" on the practice page: the short answers and listen-for points of the
   questions a reader chooses (due, weak, both, or their last session), grouped by topic, printed in
   the cheat sheets' two-column layout (print.css). The sheet exists only on paper: it is built just
   before printing and the rest of the page is left off. Its text is the practice data's HTML, which
   the build rendered from validated data. */

/** Print a sheet of `items` ([{id, topic: {slug, title}, text: {q, short, listen}}], in reading order). */
export function printReviewSheet(items, title) {
  document.querySelector(".review-sheet")?.remove();
  const sheet = document.createElement("div");
  sheet.className = "cheat-sheet review-sheet";
  const heading = document.createElement("h1");
  heading.textContent = title;
  const intro = document.createElement("p");
  intro.className = "cheat-sheet-intro";
  intro.textContent = `${items.length} questions, by topic, printed ${new Date().toISOString().slice(0, 10)}.`;
  sheet.append(heading, intro);
  let topic = null;
  for (const item of items) {
    if (item.topic.slug !== topic) {
      topic = item.topic.slug;
      const name = document.createElement("h2");
      name.textContent = item.topic.title;
      sheet.append(name);
    }
    const entry = document.createElement("div");
    entry.className = "review-sheet__question";
    entry.innerHTML = `<p><strong>${item.text.q}</strong></p>${item.text.short}<ul>${item.text.listen.map((point) => `<li>${point}</li>`).join("")}</ul>`;
    sheet.append(entry);
  }
  document.querySelector(".md-content__inner").append(sheet);
  document.body.classList.add("printing-review-sheet");
  window.addEventListener("afterprint", () => document.body.classList.remove("printing-review-sheet"), { once: true });
  window.print();
}
