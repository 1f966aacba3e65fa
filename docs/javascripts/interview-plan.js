/* How long questions take in a spoken interview, and choosing questions that fill a length: one of each
   chosen kind in turn, in the order of each kind's queue, while the time allows. Shared by the mock
   interview and the interview kit. */

// Minutes a question takes with its follow-ups, by kind.
export const MINUTES = { concept: 5, coding: 15, "system-design": 20, behavioral: 5, situational: 5, career: 4 };

/** Questions from `queues` (one ordered list per kind) that fill at most `length` minutes: {picked, total}. */
export function fillTime(queues, length) {
  const remaining = queues.map((queue) => [...queue]);
  const picked = [];
  let total = 0;
  for (let k = 0, idle = 0; idle < remaining.length; k++) {
    const queue = remaining[k % remaining.length];
    if (queue.length && total + MINUTES[queue[0].kind] <= length) {
      total += MINUTES[queue[0].kind];
      picked.push(queue.shift());
      idle = 0;
    } else {
      queue.length = 0;   // nothing of this kind fits any more
      idle += 1;
    }
  }
  return { picked, total };
}

/** A copy of `items` in random order (Fisher–Yates) drawn with `random` (a function returning [0, 1)). */
export function shuffled(items, random = Math.random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence in every browser. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
