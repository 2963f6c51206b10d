/** What an attack achieved: share of all targeted records whose value (or person) it got right. */
export interface AttackScore {
  records: number;
  guessed: number;
  correct: number;
  /** correct / records: the headline re-identification rate. */
  reidentified: number;
  /** correct / guessed: how far the attacker can trust a guess. */
  precision: number;
}

export function scoreGuesses<T>(guesses: ReadonlyArray<T | undefined>, truth: ReadonlyArray<T>): AttackScore {
  let guessed = 0;
  let correct = 0;
  guesses.forEach((g, i) => {
    if (g === undefined) return;
    guessed++;
    if (g === truth[i]) correct++;
  });
  return { records: truth.length, guessed, correct, reidentified: truth.length ? correct / truth.length : 0, precision: guessed ? correct / guessed : 0 };
}
