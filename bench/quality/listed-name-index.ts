/**
 * Guards the dev set's negatives: a generated negative that equals a listed name (tokens in any order, in any script or
 * common spelling we can fold), contains one, or is contained in one, is dropped — it would not be a fair negative.
 * Written for the benchmark only; deliberately coarser than a matcher (folding too much only drops more negatives).
 */
import type { CanonicalEntity } from '../../src/model/entity';
import { allReadings, isHangulSyllable, type KoreanName, rrSyllable } from './korean-romanization';
import { latinToCyrillic, stripDiacritics, transliterate } from './russian-transliteration';

/** Legal forms and filler words ignored when names are compared (an LLC of the same name is the same company). */
export const LEGAL_FORM_WORDS = new Set([
  'corporation', 'corp', 'company', 'co', 'limited', 'ltd', 'llc', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'inc', 'incorporated',
  'gmbh', 'ag', 'sa', 'plc', 'pte', 'llp', 'lp', 'ooo', 'zao', 'oao', 'pao', 'ao', 'ano', 'fzco', 'fze', 'bv', 'nv', 'srl',
  'spa', 'sarl', 'kg', 'jv', 'the', 'of', 'and', 'for',
]);

function romanizeHangulRun(run: string): string {
  return [...run].map((ch) => (isHangulSyllable(ch) ? rrSyllable(ch) : ch)).join('');
}

/** Lower-case Latin tokens: diacritics stripped, Cyrillic in BGN, Hangul in RR, apostrophes dropped, punctuation split. */
export function nameTokens(name: string): string[] {
  const latin = romanizeHangulRun(transliterate(name.normalize('NFKC'), 'bgn'));
  return stripDiacritics(latin)
    .toLowerCase()
    .replace(/['’‘`ʼ"«»“”]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** A coarse phonetic skeleton: spelling systems fold together (kh/h, ts/z, oo/u, eo/o, voiced/voiceless, doubled letters). */
export function foldToken(token: string): string {
  let t = token;
  const rules: [RegExp, string][] = [
    [/shch|schtsch|szcz|chtch/g, 's'], [/tsch|tch|cz/g, 'c'], [/sch|sz|zh|sh/g, 's'], [/kh/g, 'h'],
    [/ts|tz/g, 'c'], [/ch|j/g, 'c'], [/ph/g, 'f'], [/th/g, 't'],
    [/eo|eu/g, 'o'], [/oo|ou/g, 'u'], [/ee|ie/g, 'i'], [/ae|ai|ay|ei|ey/g, 'e'],
    [/[yw]/g, 'i'], [/g/g, 'k'], [/q/g, 'k'], [/d/g, 't'], [/b/g, 'p'], [/l/g, 'r'], [/v/g, 'f'], [/z/g, 's'],
    [/h$/g, ''], [/(.)\1+/g, '$1'],
  ];
  for (const [pattern, replacement] of rules) t = t.replace(pattern, replacement);
  return t;
}

function coreTokens(name: string): string[] {
  return nameTokens(name)
    .filter((t) => !LEGAL_FORM_WORDS.has(t))
    .map(foldToken)
    .filter((t) => t.length > 0);
}

function rotationsJoined(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) out.push([...tokens.slice(i), ...tokens.slice(0, i)].join(''));
  return out;
}

interface KoreanReading {
  family: Set<string>;
  given: Set<string>[];
}

export interface Conflict {
  listedName: string;
  entityId: string;
  rule: 'equal' | 'contains-listed' | 'inside-listed' | 'korean-reading';
}

interface IndexedName {
  name: string;
  entityId: string;
  tokens: string[];
}

/** Every listed name in its spelled forms, indexed for the negative checks. */
export class ListedNameIndex {
  private readonly sortedKeys = new Map<string, IndexedName>();
  private readonly joinedKeys = new Map<string, IndexedName>();
  private readonly byToken = new Map<string, IndexedName[]>();
  private readonly koreanReadings: { reading: KoreanReading; name: IndexedName }[] = [];

  constructor(entities: CanonicalEntity[]) {
    for (const entity of entities) {
      for (const entry of entity.names) {
        const forms = new Set<string>([entry.name]);
        // A Latin name also in the Cyrillic it stands for, then back in BGN: Sergei / Sergey / Serguei fold together.
        if (/[A-Za-z]/.test(entry.name)) forms.add(transliterate(latinToCyrillic(entry.name), 'bgn'));
        for (const form of forms) this.add(form, entity.id, entry.name);
        if (entity.type === 'person') this.addKorean(entry.name, entity.id);
      }
    }
  }

  private add(form: string, entityId: string, displayName: string): void {
    const tokens = coreTokens(form);
    if (tokens.length === 0) return;
    const indexed: IndexedName = { name: displayName, entityId, tokens };
    this.sortedKeys.set([...tokens].sort().join(' '), indexed);
    for (const joined of rotationsJoined(tokens)) this.joinedKeys.set(joined, indexed);
    for (const token of new Set(tokens)) {
      const list = this.byToken.get(token) ?? [];
      list.push(indexed);
      this.byToken.set(token, list);
    }
  }

  private addKorean(name: string, entityId: string): void {
    const tokens = name.split(/[\s\-]+/).filter((t) => /^[A-Za-z'’]+$/.test(t));
    if (tokens.length < 2 || tokens.length > 4) return;
    const [familyToken, ...givenTokens] = tokens;
    if (!familyToken) return;
    const family = new Set<string>();
    for (const seg of allReadings(familyToken)) if (seg.length === 1 && seg[0]) for (const h of seg[0]) family.add(h);
    if (family.size === 0) return;
    // Given syllables: every segmentation of every token, combined (capped).
    let sequences: Set<string>[][] = [[]];
    for (const token of givenTokens) {
      const segs = allReadings(token);
      if (segs.length === 0) return;
      const next: Set<string>[][] = [];
      for (const prefix of sequences) for (const seg of segs) if (next.length < 64) next.push([...prefix, ...seg]);
      sequences = next;
    }
    for (const given of sequences) {
      this.koreanReadings.push({ reading: { family, given }, name: { name, entityId, tokens: [] } });
    }
  }

  /** The listed name a query form collides with, or null. `allowInside` keeps forms that are a part of a listed name. */
  conflict(forms: string[], options: { allowInside?: boolean } = {}): Conflict | null {
    for (const form of forms) {
      const tokens = coreTokens(form);
      if (tokens.length === 0) continue;
      const equal = this.sortedKeys.get([...tokens].sort().join(' '));
      if (equal) return { listedName: equal.name, entityId: equal.entityId, rule: 'equal' };
      for (const joined of rotationsJoined(tokens)) {
        const hit = this.joinedKeys.get(joined);
        if (hit) return { listedName: hit.name, entityId: hit.entityId, rule: 'equal' };
      }
      const mine = new Set(tokens);
      const seen = new Set<IndexedName>();
      for (const token of mine) {
        for (const listed of this.byToken.get(token) ?? []) {
          if (seen.has(listed)) continue;
          seen.add(listed);
          const theirs = new Set(listed.tokens);
          if (theirs.size >= 2 && [...theirs].every((t) => mine.has(t))) {
            return { listedName: listed.name, entityId: listed.entityId, rule: 'contains-listed' };
          }
          if (!options.allowInside && mine.size >= 2 && [...mine].every((t) => theirs.has(t))) {
            return { listedName: listed.name, entityId: listed.entityId, rule: 'inside-listed' };
          }
        }
      }
    }
    return null;
  }

  /** A Korean name (Hangul) that some listed name can be read as, in any romanization, family first or given first. */
  koreanConflict(name: KoreanName): Conflict | null {
    const syllables = [name.family, ...name.given];
    for (const { reading, name: listed } of this.koreanReadings) {
      const readAll = [reading.family, ...reading.given];
      // Family first, or the listed name printed given-first ("Chang-Su Han").
      const rotations = [readAll, [...reading.given, reading.family]];
      for (const candidate of rotations) {
        // Equal, or one is the other plus syllables (Kim Kyu-nam against KIM KYU): too close to be a fair negative.
        const n = Math.min(candidate.length, syllables.length);
        if (n < 2) continue;
        if (candidate.slice(0, n).every((set, i) => set.has(syllables[i] ?? ''))) {
          return { listedName: listed.name, entityId: listed.entityId, rule: 'korean-reading' };
        }
      }
    }
    return null;
  }
}
