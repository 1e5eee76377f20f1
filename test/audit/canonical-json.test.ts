import fc from 'fast-check';
import { canonicalJson } from '../../src/audit/canonical-json';

/**
 * The definition as the first version wrote it (entries filtered, sorted by code unit, joined). Records already in
 * audit chains were hashed with it: a faster canonicalJson must give the very same text, or old chains would break.
 */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

/** The same object with its keys inserted in reverse order, at every depth. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries, not assignment: a "__proto__" key stays a key.
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reversedKeys(member)]));
}

describe('canonicalJson', () => {
  it('gives the text the audit chain has always hashed: parseable JSON, keys sorted, whatever order they were written in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(reference(value));
        // What the database hands back (parsed jsonb) hashes to the same text.
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reversedKeys(value))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('drops undefined members, writes undefined array items as null, and sorts keys by code unit', () => {
    expect(canonicalJson({ b: 1, a: undefined, B: [undefined, 'x'], é: true, z: { y: null } })).toBe('{"B":[null,"x"],"b":1,"z":{"y":null},"é":true}');
  });
});
