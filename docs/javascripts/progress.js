/* The reader's practice progress: one FSRS card per question id (ts-fsrs, vendored), kept in this
   browser's localStorage and never sent anywhere. It is exported as a JSON file and imported from one:
   an import is checked whole before anything is kept, then merged by question id (the later review
   wins). Shared by the practice page and the progress counts; scheduling is in schedule.js, so that
   pages which only count do not load the scheduler. */

const STORAGE_KEY = "dl-interview-reference:progress";
export const FILE_FORMAT = "dl-interview-reference/progress";
export const FILE_VERSION = 1;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_ENTRIES = 100000;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;  // a question id (macros/model.py)
// FSRS's card states and grades, numbered as ts-fsrs numbers them (a test compares them with the library).
export const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 };
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 };

/** Progress as stored: {question id: {card: an FSRS card with dates as ISO strings, rating: the last grade (1–4)}}. */
export function loadProgress() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
    return stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  } catch {
    return {};
  }
}

export function saveProgress(progress) {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
}

/** "new" (never reviewed), "learning" (in FSRS's learning or relearning steps) or "known" (in review). */
export function stateOf(entry) {
  if (!entry) return "new";
  return entry.card.state === State.Review ? "known" : "learning";
}

/** Whether a reviewed question is due by the end of `now`'s day. */
export function isDue(entry, now = new Date()) {
  if (!entry) return false;
  const endOfDay = new Date(now);
  endOfDay.setHours(23, 59, 59, 999);
  return new Date(entry.card.due) <= endOfDay;
}

/** Whether the reader found a question hard: last graded Again or Hard, or forgotten once learned. */
export function isWeak(entry) {
  return Boolean(entry) && (entry.rating <= Rating.Hard || entry.card.lapses > 0);
}

/** Counts of `ids` by state, and how many are due today: {new, learning, known, due}. */
export function countStates(ids, progress, now = new Date()) {
  const counts = { new: 0, learning: 0, known: 0, due: 0 };
  for (const id of ids) {
    const entry = progress[id];
    counts[stateOf(entry)] += 1;
    if (isDue(entry, now)) counts.due += 1;
  }
  return counts;
}

/** The text of a progress file holding `progress`. */
export function progressFile(progress, now = new Date()) {
  return JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, exported: now.toISOString(), progress }, null, 1);
}

export class ImportError extends Error {}

/** The progress in a file's text, checked whole: throws ImportError saying what is wrong. */
export function readProgressFile(text) {
  if (text.length > MAX_FILE_BYTES) throw new ImportError(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: it is not a progress file of this site.`);
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    throw new ImportError("The file is not valid JSON: it may be damaged or not a progress file.");
  }
  if (!file || typeof file !== "object" || file.format !== FILE_FORMAT) throw new ImportError("The file is not a progress file of this site.");
  if (file.version !== FILE_VERSION) throw new ImportError(`The file is a version ${String(file.version)} progress file; this site reads version ${FILE_VERSION}.`);
  const progress = file.progress;
  if (!progress || typeof progress !== "object" || Array.isArray(progress)) throw new ImportError("The file holds no progress.");
  const ids = Object.keys(progress);
  if (ids.length > MAX_ENTRIES) throw new ImportError(`The file holds more than ${MAX_ENTRIES} questions.`);
  for (const id of ids) {
    const problem = entryProblem(id, progress[id]);
    if (problem) throw new ImportError(`Question "${id.slice(0, 80)}": ${problem}.`);
  }
  return progress;
}

/** What is wrong with one entry of an imported file, or null. */
function entryProblem(id, entry) {
  if (!ID.test(id) || id.length > 200) return "not a question id";
  if (!entry || typeof entry !== "object" || !entry.card || typeof entry.card !== "object") return "no card";
  if (![1, 2, 3, 4].includes(entry.rating)) return "the last grade is not 1 to 4";
  const card = entry.card;
  for (const field of ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"]) {
    if (typeof card[field] !== "number" || !Number.isFinite(card[field]) || card[field] < 0) return `"${field}" is not a number of at least 0`;
  }
  if (![State.New, State.Learning, State.Review, State.Relearning].includes(card.state)) return "unknown card state";
  if (!validDate(card.due)) return "no valid due date";
  if (card.last_review !== undefined && !validDate(card.last_review)) return "no valid date of last review";
  return null;
}

function validDate(value) {
  return typeof value === "string" && !Number.isNaN(Date.parse(value));
}

/** `mine` merged with `theirs` by question id, the later review winning:
    {progress, added: ids new here, updated: ids whose review in the file is later, kept: ids where ours is later or the same}. */
export function merged(mine, theirs) {
  const progress = { ...mine };
  const report = { added: [], updated: [], kept: [] };
  for (const [id, entry] of Object.entries(theirs)) {
    if (!mine[id]) {
      report.added.push(id);
      progress[id] = entry;
    } else if (reviewedAt(entry) > reviewedAt(mine[id])) {
      report.updated.push(id);
      progress[id] = entry;
    } else {
      report.kept.push(id);
    }
  }
  return { progress, ...report };
}

function reviewedAt(entry) {
  return entry.card.last_review ? Date.parse(entry.card.last_review) : 0;
}
