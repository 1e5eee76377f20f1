/**
 * Canonical JSON for hashing: object keys sorted by code unit, no whitespace, `undefined` members dropped,
 * arrays in order. The same value always yields the same text, whatever key order a database returns.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += `${i === 0 ? '' : ','}${value[i] === undefined ? 'null' : canonicalJson(value[i])}`;
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units.
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}
