/* Grading an answer against its rubric, shared by the practice and mock-interview pages: the reader
   ticks the listen-for points their answer covered, the share covered proposes a grade, and each grade
   button says when FSRS would bring the question back. Point text is the practice data's HTML, which
   the build rendered from validated data. */
import { GRADES, nextDues, proposedRating } from "./schedule.js";

/** Fill `points` (a list element) with a checkbox per listen-for point and `grades` (a container) with
    the grade buttons; `title` says what the ticks propose. `onGrade(rating)` is called on a grade. */
export function renderRubric({ points, grades, title }, listen, entry, onGrade) {
  points.replaceChildren(...listen.map((html, i) => {
    const row = document.createElement("li");
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.addEventListener("change", () => renderGrades({ points, grades, title }, entry, onGrade));
    const text = document.createElement("span");
    text.innerHTML = html;
    label.append(box, " ", text);
    row.append(label);
    row.title = `Key ${i + 1}`;
    return row;
  }));
  renderGrades({ points, grades, title }, entry, onGrade);
}

function renderGrades({ points, grades, title }, entry, onGrade) {
  const boxes = [...points.querySelectorAll("input")];
  const covered = boxes.filter((box) => box.checked).length;
  const proposed = proposedRating(covered, boxes.length);
  const dues = nextDues(entry);
  title.textContent = `Grade your answer: you covered ${covered} of ${boxes.length} points, which suggests ${GRADES.find((g) => g.rating === proposed).name}.`;
  grades.querySelectorAll("button").forEach((button) => button.remove());
  for (const { rating, name } of GRADES) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `md-button practice-grade${rating === proposed ? " md-button--primary" : ""}`;
    button.dataset.rating = String(rating);
    button.textContent = `${rating} ${name} · next in ${interval(dues[rating])}`;
    if (rating === proposed) button.setAttribute("aria-describedby", title.id);
    button.addEventListener("click", () => onGrade(rating));
    grades.append(button);
  }
}

/** How long until `date`, roughly: "1 min", "10 min", "3 h", "4 days". */
export function interval(date) {
  const minutes = Math.max(1, Math.round((date - Date.now()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 60 * 24) return `${Math.round(minutes / 60)} h`;
  const days = Math.round(minutes / 60 / 24);
  return days === 1 ? "1 day" : `${days} days`;
}

export { GRADES };
