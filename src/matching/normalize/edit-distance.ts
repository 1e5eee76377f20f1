/**
 * Edit distance on short name parts (a typo is an edit of the letters as written). Jaro-Winkler lives with the
 * OFAC-style baseline (`bench/baselines/ofac-style.ts`), the only code that scores by it.
 */

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition) between `a` and `b`, or
 * `maxDistance + 1` as soon as the distance is known to exceed `maxDistance`.
 */
export function boundedEditDistance(a: string, b: string, maxDistance: number): number {
  if (a === b) return 0;
  const lengthA = a.length;
  const lengthB = b.length;
  if (Math.abs(lengthA - lengthB) > maxDistance) return maxDistance + 1;
  if (lengthA === 0) return lengthB;
  if (lengthB === 0) return lengthA;
  const width = lengthB + 1;
  let beforePrevious = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j <= lengthB; j += 1) previous[j] = j;
  for (let i = 1; i <= lengthA; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= lengthB; j += 1) {
      const charB = b.charCodeAt(j - 1);
      const cost = charA === charB ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > maxDistance) return maxDistance + 1;
    const recycled = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = recycled;
  }
  return previous[lengthB] ?? maxDistance + 1;
}
