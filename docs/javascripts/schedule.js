/* Spaced repetition: when a question is next due after the reader grades their answer, as FSRS
   schedules it (ts-fsrs, vendored as a pinned file with its licence). */
import { createEmptyCard, fsrs } from "./vendor/ts-fsrs-5.4.2.js";
import { Rating } from "./progress.js";

export const GRADES = [
  { rating: Rating.Again, name: "Again" }, { rating: Rating.Hard, name: "Hard" },
  { rating: Rating.Good, name: "Good" }, { rating: Rating.Easy, name: "Easy" },
];
const scheduler = fsrs();

/** The FSRS card of a progress entry (dates as Dates), or a new card if there is none. */
function cardOf(entry, now) {
  if (!entry) return createEmptyCard(now);
  return { ...entry.card, due: new Date(entry.card.due), last_review: entry.card.last_review ? new Date(entry.card.last_review) : undefined };
}

/** The progress entry after grading `entry` (null for a question never reviewed) with `rating` at `now`. */
export function graded(entry, rating, now = new Date()) {
  const { card } = scheduler.next(cardOf(entry, now), now, rating);
  return { card: { ...card, due: card.due.toISOString(), last_review: card.last_review ? card.last_review.toISOString() : undefined }, rating };
}

/** When the question would next be due for each grade: {rating: Date}. */
export function nextDues(entry, now = new Date()) {
  const preview = scheduler.repeat(cardOf(entry, now), now);
  return Object.fromEntries(GRADES.map(({ rating }) => [rating, preview[rating].card.due]));
}

/** The grade that the share of listen-for points covered proposes: under a third Again, under two
    thirds Hard, most Good, all Easy. */
export function proposedRating(covered, total) {
  const share = total ? covered / total : 0;
  if (share >= 1) return Rating.Easy;
  if (share >= 2 / 3) return Rating.Good;
  if (share >= 1 / 3) return Rating.Hard;
  return Rating.Again;
}
