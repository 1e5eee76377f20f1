import { type EntityType, nameReadingOf } from '../../model/entity';
import { expandCompanyMarks, splitGluedLegalForms, splitLegalForms, wholeLegalForm, type LegalFormClass } from './legal-forms';
import { HONORIFICS, type NamePartRole } from './name-part-weights';
import { canonicalNumbers, canonicalOrganizationWords, organizationWordsMayChange, type OrganizationQualifier } from './organization-words';
import { analyzeToken, makeToken, type NameToken, type TokenAnalyzer } from './name-tokens';
import { normalizeText } from './normalize-text';
import { hasHangul, romanizeHangul } from './romanize-hangul';
import { hasPatronymicEnding } from './slavic-name-keys';
import { koreanReadingsOfCyrillic } from './cyrillic-korean';
import {
  arabicSkeleton,
  hasArabicScript,
  hasHan,
  hasHebrewScript,
  hasOtherScript,
  latinArabicSkeleton,
  latinReading,
  looseConsonantKey,
  simplifyHan,
  withoutNasalsBeforeStops,
} from './script-readings';
import { cyrillicReadings, hasCyrillic } from './transliterate-cyrillic';

/**
 * Turns one written name into the forms the scorer compares: per script reading (Cyrillic in its Russian and/or
 * Ukrainian reading and, when it reads as Korean, its Korean readings; Hangul in McCune–Reischauer and Revised
 * Romanization), with comma-reversed order undone,
 * parenthesized acronyms split off as names of their own, legal forms set aside and every part tagged with its
 * role (patronymic, particle …), phonetic skeleton and Korean class key.
 */

export type FormOrigin =
  | 'latin'
  | 'cyrillic-ru'
  | 'cyrillic-uk'
  | 'cyrillic-ko'
  | 'hangul-mr'
  | 'hangul-rr'
  | 'acronym'
  /** Another script (Arabic, Han, Greek …) compared as written. */
  | 'other-script'
  /** Another script's Latin reading (any-ascii; Arabic parts also by consonant skeleton). */
  | 'transliterated';

export interface NameForm {
  /** The tokens joined by single spaces (legal forms excluded). */
  readonly text: string;
  readonly tokens: readonly NameToken[];
  readonly legalForms: readonly LegalFormClass[];
  /** Where or under whom an organization sits, taken out of its name: "(Hong Kong)", "of the KPA" (see `organization-words.ts`). */
  readonly qualifiers: readonly OrganizationQualifier[];
  readonly origin: FormOrigin;
  /** Shaped like a Korean personal name (family name + syllables): a missing syllable is a different name. */
  readonly koreanShaped: boolean;
  /** Index of the token read as the family name, -1 when unknown (organizations, single parts). */
  readonly familyIndex: number;
  /** Index of the token read as the (first) given name, -1 when unknown. */
  readonly givenIndex: number;
}

export interface NameFormOptions {
  /** The type of the named entity when known: legal forms are only set aside for non-persons. */
  entityType?: EntityType | 'any';
  /** The list's own kind of name: an `acronym` name is one exact-only part. */
  acronym?: boolean;
  /**
   * A query's parts read from another script carry their consonant skeletons, on which they meet Latin list names
   * (default). A list's names do not: a Latin query meets a listed person by the Latin names the list gives, and a
   * skeleton of the list's Arabic-script alias would meet any Latin name of the same consonants (Sophie Meyer,
   * سيفي عماري).
   */
  crossScript?: boolean;
  analyze?: TokenAnalyzer;
}

/** Longest parenthesized single word read as an acronym ("(MPAF)", "(KOMID)"). */
const MAX_ACRONYM_LENGTH = 8;
const MIN_ACRONYM_LENGTH = 2;
/** Parts beyond this many are ignored (no person or organization name needs more). */
const MAX_TOKENS_PER_FORM = 12;
/** A parenthesized text of at least this many parts is also compared as a name on its own. */
const MIN_PARENTHETICAL_NAME_PARTS = 3;

/** Splits "NAME (ACRONYM)" into the name without parentheses and the parenthesized texts, innermost first. */
function splitParentheticals(raw: string): { main: string; parentheticals: string[] } {
  const parentheticals: string[] = [];
  let main = raw;
  for (;;) {
    const next = main.replace(/[([{]([^()[\]{}]*)[)\]}]/g, (_match, inner: string) => {
      parentheticals.push(inner);
      return ' ';
    });
    if (next === main) break;
    main = next;
  }
  return { main: main.replace(/[()[\]{}]/g, ' '), parentheticals };
}

/**
 * The exact-only name a parenthesized word gives, or null: one word of 2–8 letters or digits, hyphens and dots inside
 * allowed ("(MPAF)", "(JAK-T)", "(ISIL-GS)", "(NGO)"). A lone place such as "(PAKISTAN)" after
 * "AL-HARAMAIN FOUNDATION" names that branch the same way, so it is kept too; being exact-only, it matches only a
 * query that is that word alone.
 */
function parentheticalAcronym(inner: string): string | null {
  const trimmed = inner.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N}.\-‐–]*$/u.test(trimmed)) return null;
  const compact = normalizeText(trimmed).replace(/ /g, '');
  if (compact.length < MIN_ACRONYM_LENGTH || compact.length > MAX_ACRONYM_LENGTH || !/^[a-z0-9]+$/.test(compact)) return null;
  return compact;
}

/** Words a family name written first, before its comma, may have ("AL-TIKRITI", "TORRES GONZALEZ"). */
const MAX_FAMILY_WORDS_BEFORE_COMMA = 3;

/**
 * Words the given names after that comma may have: an Arabic name gives its chain of fathers there ("AL-TIKRITI,
 * Barzan abd al-Ghafur Sulaiman Majid"), and left unreversed its first given name would not be read as one.
 */
const MAX_GIVEN_WORDS_AFTER_COMMA = 6;

/** Words that join an organization's name and never a person's. */
const ORGANIZATION_CONNECTIVES: ReadonlySet<string> = new Set(['for', 'and', 'of', 'the', 'und', 'et']);

/** "TKACHUK, Sergei" → "Sergei TKACHUK"; "Romashka, LLC" and longer comma lists are only joined. */
function undoCommaReversal(main: string): { text: string; reversed: boolean } {
  const parts = main
    .split(/[,，;]/)
    .map((part) => part.trim())
    .filter((part) => normalizeText(part).length > 0);
  const [before, after] = parts;
  if (parts.length !== 2 || before === undefined || after === undefined) return { text: parts.join(' '), reversed: false };
  const afterTokens = normalizeText(after).split(' ');
  const afterIsLegalForm = wholeLegalForm(afterTokens) !== null;
  const beforeTokens = normalizeText(before).split(' ');
  const joined = { text: `${before} ${after}`, reversed: false };
  if (afterIsLegalForm || afterTokens.length > MAX_GIVEN_WORDS_AFTER_COMMA || beforeTokens.length > MAX_FAMILY_WORDS_BEFORE_COMMA) return joined;
  // More than three words after the comma are a chain of given names only when nothing in them or before them reads
  // as an organization's ("ALFA CO., LTD. FOR INTERNATIONAL TRADING AND MARKETING" stays as written).
  if (afterTokens.length > 3) {
    const words = [...beforeTokens, ...afterTokens];
    if (words.some((word) => ORGANIZATION_CONNECTIVES.has(word)) || splitLegalForms(words).legalForms.length > 0) return joined;
  }
  return { text: `${after} ${before}`, reversed: true };
}

/** The Latin readings of a normalized text: Hangul and Cyrillic transliterated, each reading tagged. */
function scriptReadings(normalized: string): Array<{ origin: FormOrigin; text: string }> {
  const hangulReadings: Array<{ origin: FormOrigin; text: string }> = hasHangul(normalized)
    ? [
        { origin: 'hangul-mr', text: normalizeText(romanizeHangul(normalized, 'mr')) },
        { origin: 'hangul-rr', text: normalizeText(romanizeHangul(normalized, 'rr')) },
      ]
    : [{ origin: 'latin', text: normalized }];
  return hangulReadings.flatMap((reading) => {
    if (!hasCyrillic(reading.text)) {
      const otherScript = /[^a-z0-9 ]/.test(reading.text) && reading.origin === 'latin';
      return [{ origin: otherScript ? 'other-script' : reading.origin, text: reading.text }];
    }
    const readings = cyrillicReadings(reading.text).map((cyrillic) => ({
      origin: (reading.origin === 'latin' ? `cyrillic-${cyrillic.language}` : reading.origin) as FormOrigin,
      text: normalizeText(cyrillic.text),
    }));
    // A Korean name in Russian records (Пак Ён Сик): its Korean readings, Kontsevich and common practice.
    const korean = reading.origin === 'latin' ? koreanReadingsOfCyrillic(reading.text, KOREAN_READINGS_OF_CYRILLIC) : null;
    for (const text of korean ?? []) readings.push({ origin: 'cyrillic-ko', text });
    return readings;
  });
}

/**
 * The Latin reading of a name in another script (Arabic, Han, Greek, Hebrew, kana …), as one more form to compare:
 * `variant` as written (Indic and Thai readings need their vowel signs, which normalization removes). Each part keeps
 * a consonant skeleton on which it meets a Latin transliteration: an Arabic-script name is read word by word, each
 * part with its Arabic word's skeleton (`arabicSkeleton`); the other scripts but Han with the loose skeleton of the
 * reading (`looseConsonantKey`).
 */
function transliteratedForm(variant: string, normalized: string, options: FormOptions): NameForm | null {
  // Each part's skeleton in the other script, when it was read from one (Han is read in pinyin: no skeleton).
  const skeletons = new Map<string, string[]>();
  const texts: string[] = [];
  if (hasArabicScript(normalized)) {
    for (const written of normalized.split(' ')) {
      // The article written onto the name (الفرقان) is a part of its own, as Latin spellings write it (Al Furqan).
      const glued = written.length > 3 && written.startsWith('ال') && written !== 'الله' && hasArabicScript(written);
      if (glued) {
        texts.push('al');
        // No consonants of its own, but it joins the skeletons of parts written together (عبد القادر = Abdulqader).
        skeletons.set('al', ['']);
      }
      const word = glued ? written.slice(2) : written;
      const reading = hasArabicScript(word) ? latinReading(word) : word;
      if (reading === null) continue;
      for (const part of reading.split(' ')) {
        texts.push(part);
        if (hasArabicScript(word) && !reading.includes(' ')) skeletons.set(part, [arabicSkeleton(word)]);
      }
    }
  } else {
    const reading = latinReading(variant);
    if (reading === null) return null;
    const written = new Set(normalized.split(' '));
    const hebrew = hasHebrewScript(variant);
    for (const part of reading.split(' ')) {
      texts.push(part);
      // Hebrew writes Arabic names letter for letter: the Arabic skeleton of its reading too (עבד = "bd" of Abdul).
      if (!written.has(part) && !hasHan(variant)) {
        // Greek μπ is b or mb, χ is kh or h (Χαμπίμπ Habib): every reading's key.
        const spellings = new Set([part, withoutNasalsBeforeStops(part)].flatMap((spelling) => [spelling, spelling.replace(/kh/g, 'h')]));
        const loose = [...new Set([...spellings].map((spelling) => `~${looseConsonantKey(spelling)}`))];
        skeletons.set(part, hebrew ? [...loose, latinArabicSkeleton(part)] : loose);
      }
    }
  }
  const form = buildForm(texts, 'transliterated', options);
  if (!form || options.crossScript === false) return form;
  const tokens = form.tokens.map((token) => {
    const skeleton = skeletons.get(token.text);
    return skeleton === undefined ? token : makeToken(token.text, options.analyze, token.role, false, skeleton);
  });
  return { ...form, tokens };
}

/** Korean readings of one Cyrillic name compared at most (final н is ㄴ or ㅇ: two per such syllable). */
const KOREAN_READINGS_OF_CYRILLIC = 4;

/** Index of the patronymic in a person's name parts, or -1. */
function patronymicIndex(texts: readonly string[]): number {
  if (texts.length < 3) return -1;
  const candidates = texts.map((text, index) => (hasPatronymicEnding(text) ? index : -1)).filter((index) => index >= 0);
  if (candidates.length === 0) return -1;
  if (candidates.includes(1)) return 1;
  if (candidates.includes(texts.length - 1)) return texts.length - 1;
  return candidates[0] ?? -1;
}

function isKoreanShaped(tokens: readonly NameToken[]): boolean {
  if (tokens.length < 2 || tokens.length > 4) return false;
  // Two one-letter parts are initials ("A. A. Mahdi"), not the syllables 아 아.
  if (tokens.filter((token) => token.text.length === 1).length > 1) return false;
  if (!tokens.every((token) => token.koreanSyllables >= 1 && token.koreanSyllables <= 2)) return false;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const total = tokens.reduce((sum, token) => sum + token.koreanSyllables, 0);
  return total <= 4 && (first?.koreanSyllables === 1 || last?.koreanSyllables === 1);
}

/** Roles that a Korean name cannot have: in "Pak To Chun" or "La Kyung-soo" every syllable is a name part. */
const NON_KOREAN_ROLES = new Set<NamePartRole>(['particle', 'kinship', 'stopword', 'generic', 'locative', 'common', 'initial']);

function buildForm(
  tokenTexts: readonly string[],
  origin: FormOrigin,
  options: FormOptions,
): NameForm | null {
  const all = tokenTexts.filter((text) => text.length > 0);
  const tailLength = Math.min(options.bracketedTail ?? 0, all.length);
  let texts = all.slice(0, all.length - tailLength);
  const tail = all.slice(all.length - tailLength);
  // A transliteration's "mr" is a name (عمر), not Mister.
  while (origin !== 'transliterated' && texts.length > 1 && HONORIFICS.has(texts[0] ?? '')) texts = texts.slice(1);
  while (origin !== 'transliterated' && texts.length > 1 && HONORIFICS.has(texts[texts.length - 1] ?? '')) texts = texts.slice(0, -1);
  if (texts.length === 0) return null;
  let legalForms: LegalFormClass[] = [];
  let qualifiers: OrganizationQualifier[] = [];
  if (options.entityType !== 'person') {
    // Legal forms of the name itself; a bracketed tail ("(Hong Kong)") is read after them.
    const glued = splitGluedLegalForms(texts);
    const split = splitLegalForms(glued);
    legalForms = split.legalForms;
    texts = split.kept.map((index) => glued[index] ?? '');
  }
  if (options.entityType === 'organization') {
    const words = canonicalOrganizationWords([...texts, ...tail], {
      ...ORGANIZATION_WORD_OPTIONS,
      bracketedTail: tail.length,
      placesInName: options.placesInName === true,
    });
    texts = words.tokens;
    qualifiers = words.qualifiers;
  } else {
    texts = [...canonicalNumbers([...texts, ...tail])];
  }
  if (texts.length === 0) return null;
  texts = texts.slice(0, MAX_TOKENS_PER_FORM);
  const patronymic = options.entityType === 'organization' ? -1 : patronymicIndex(texts);
  const hangul = origin === 'hangul-mr' || origin === 'hangul-rr';
  let tokens = texts.map((text, index) =>
    makeToken(text, options.analyze, index === patronymic ? 'patronymic' : undefined, hangul),
  );
  const koreanShaped = options.entityType !== 'organization' && legalForms.length === 0 && isKoreanShaped(tokens);
  if (koreanShaped) {
    tokens = tokens.map((token) =>
      NON_KOREAN_ROLES.has(token.role) ? makeToken(token.text, options.analyze, 'part', hangul) : token,
    );
  }
  let familyIndex = -1;
  let givenIndex = -1;
  if (options.entityType !== 'organization' && legalForms.length === 0 && tokens.length >= 2) {
    if (koreanShaped) familyIndex = tokens[0]?.koreanSyllables === 1 ? 0 : tokens.length - 1;
    else if (patronymic === tokens.length - 1) familyIndex = 0;
    else familyIndex = tokens.length - 1;
    givenIndex = tokens.findIndex(
      (token, index) =>
        index !== familyIndex && index !== patronymic && token.role !== 'particle' && token.role !== 'stopword',
    );
  }
  return { text: texts.join(' '), tokens, legalForms, qualifiers, origin, koreanShaped, familyIndex, givenIndex };
}

/** How organization names are read: places unbracketed at the end and cities at the start are qualifiers too. */
const ORGANIZATION_WORD_OPTIONS = { unbracketedTrailingPlace: true, leadingCity: true } as const;

interface FormOptions {
  entityType: EntityType | 'any';
  analyze: TokenAnalyzer;
  /** How many of the last parts were written in brackets after the name ("Bank of China (Hong Kong)" → 2). */
  bracketedTail?: number;
  /** An organization's place inside its name is left there (see `OrganizationWordsOptions.placesInName`). */
  placesInName?: boolean;
  /** Parts read from another script carry their cross-script skeletons (queries only, see `NameToken.crossScript`). */
  crossScript?: boolean;
}

/** The organization's reading with the places inside its name left there, when `form` took one out (else null). */
function withPlacesInName(form: NameForm | null, texts: readonly string[], origin: FormOrigin, options: FormOptions): NameForm | null {
  if (!form || form.qualifiers.length === 0) return null;
  const plain = buildForm(texts, origin, { ...options, placesInName: true });
  return plain && plain.text !== form.text ? plain : null;
}

/**
 * The forms of one reading: as the entity type says; for a name of unknown type also the organization's reading
 * when its words or qualifiers differ (Dept → department, "(Hong Kong)" a qualifier), and the person's when a leading
 * or trailing "AO", "SA", "Co" may be a name part after all.
 */
function readingForms(texts: readonly string[], origin: FormOrigin, options: FormOptions): Array<NameForm | null> {
  const form = buildForm(texts, origin, options);
  if (options.entityType === 'organization') return [form, withPlacesInName(form, texts, origin, options)];
  if (options.entityType !== 'any' || !form) return [form];
  const forms: Array<NameForm | null> = [form];
  // Judged on the words without their legal forms ("Huaxin Shipping Hongkong Limited": the place ends the name).
  // A syllable read from Hangul is no English abbreviation (민 "min" is not Ministry).
  const fromHangul = origin === 'hangul-mr' || origin === 'hangul-rr';
  if ((options.bracketedTail ?? 0) > 0 || (!fromHangul && organizationWordsMayChange(form.text.split(' '), ORGANIZATION_WORD_OPTIONS))) {
    const organization = buildForm(texts, origin, { ...options, entityType: 'organization' });
    if (organization && (organization.text !== form.text || organization.qualifiers.length > 0)) forms.push(organization);
    forms.push(withPlacesInName(organization, texts, origin, { ...options, entityType: 'organization' }));
  }
  if (form.legalForms.length > 0) forms.push(buildForm(texts, origin, { ...options, entityType: 'person' }));
  return forms;
}

/** A one-part form that only ever matches itself exactly (an acronym). */
function acronymForm(text: string, analyze: TokenAnalyzer): NameForm {
  return {
    text,
    tokens: [makeToken(text, analyze, 'acronym')],
    legalForms: [],
    qualifiers: [],
    origin: 'acronym',
    koreanShaped: false,
    familyIndex: -1,
    givenIndex: -1,
  };
}

/** Two or three dotted initials written together ("J.C.", "V.V."). */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,3}(?![\p{L}\p{N}])/gu;

/** Patronymic endings in Latin and Cyrillic, to keep "Seit-Umarovich" / "Сеит-Умарович" one part. */
const HYPHENATED_PATRONYMIC =
  /(\p{L}+)[-‐‑](\p{L}+(?:ovich|evich|ovych|evych|owicz|ewicz|ovic|evic|ovna|evna|owna|ewna|ivna|ichna|ович|евич|овна|евна|івна|ична|ич))(?!\p{L})/giu;

/**
 * Every form under which `raw` should be compared. Never throws; returns an empty array for a name with no letters
 * or digits. Forms are distinct by text and legal forms.
 */
export function nameForms(raw: string, options: NameFormOptions = {}): NameForm[] {
  const analyze = options.analyze ?? analyzeToken;
  // A vessel's or an aircraft's name reads as an organization's.
  const entityType = options.entityType === undefined || options.entityType === 'any' ? 'any' : nameReadingOf(options.entityType);
  // Traditional and simplified Han compared as one (華信船務 = 华信船务).
  const written = expandCompanyMarks(simplifyHan(raw.normalize('NFKC')));
  const { main, parentheticals } = splitParentheticals(written.replace(HYPHENATED_PATRONYMIC, '$1$2'));
  const { text: mainText } = undoCommaReversal(main);
  const variants: Array<{ text: string; tail: string; initials?: true }> = [{ text: mainText, tail: '' }];
  // "J.C. Juncker": normalization joins a dotted initialism (S.A., U.A.E.); for a person it is also initials.
  if (entityType !== 'organization' && mainText.includes('.')) {
    const spaced = mainText.replace(DOTTED_INITIALS, (initials) => initials.replace(/\./g, ' '));
    if (spaced !== mainText) variants.push({ text: spaced, tail: '', initials: true });
  }
  const acronyms: string[] = [];
  for (const inner of parentheticals) {
    if (normalizeText(inner).length === 0) continue;
    const acronym = normalizeText(mainText).length > 0 ? parentheticalAcronym(inner) : null;
    if (acronym) acronyms.push(acronym);
    variants.push({ text: mainText, tail: inner });
    // A long parenthetical is usually a name of its own (a translation): "(Ansar al Charia in Libya (ASL))".
    if (normalizeText(inner).split(' ').length >= MIN_PARENTHETICAL_NAME_PARTS) variants.push({ text: inner, tail: '' });
  }
  const forms: NameForm[] = [];
  const seen = new Set<string>();
  const add = (form: NameForm | null): void => {
    if (!form) return;
    const key = `${form.text}|${form.legalForms.join(',')}|${form.qualifiers.map((qualifier) => qualifier.keys.join('+')).join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    forms.push(form);
  };
  for (const variant of variants) {
    // A name that carries a legal form (S.A. de C.V., S.R.L., Ltd.) is a company's: its dots are no person's initials,
    // and reading "s a de c v" as initials would only walk the index's longest postings.
    if (variant.initials && forms.some((form) => form.legalForms.length > 0)) continue;
    const tail = normalizeText(variant.tail);
    const normalized = normalizeText(`${variant.text} ${variant.tail}`);
    if (normalized.length === 0) continue;
    if (options.acronym && !normalized.includes(' ')) {
      for (const reading of scriptReadings(normalized)) add(acronymForm(reading.text, analyze));
      continue;
    }
    const tailWords = tail.length > 0 ? tail.split(' ').length : 0;
    const words = normalized.split(' ').length;
    for (const reading of scriptReadings(normalized)) {
      const texts = reading.text.split(' ');
      // Readings keep the words apart as written; if one did not, the bracketed tail is read as part of the name.
      const bracketedTail = texts.length === words ? tailWords : 0;
      for (const form of readingForms(texts, reading.origin, { entityType, analyze, bracketedTail })) add(form);
    }
    if (hasOtherScript(normalized)) {
      add(transliteratedForm(`${variant.text} ${variant.tail}`, normalized, { entityType, analyze, crossScript: options.crossScript !== false }));
    }
  }
  for (const acronym of acronyms) {
    add(acronymForm(acronym, analyze));
  }
  // A name whose bracket names its place ("Bank of China (Hong Kong)") is that place's: the same words without it
  // would let a contradicting place go unnoticed.
  const placed = new Set(forms.filter((form) => form.qualifiers.length > 0).map((form) => `${form.text}|${form.legalForms.join(',')}`));
  return placed.size === 0 ? forms : forms.filter((form) => form.qualifiers.length > 0 || !placed.has(`${form.text}|${form.legalForms.join(',')}`));
}

/** Normalizes a handle such as "@mmcpersonal" or "t.me/mmcpersonal" to "mmcpersonal"; null when it is not one. */
export function normalizeHandle(raw: string): string | null {
  const trimmed = raw
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me|twitter\.com|x\.com|instagram\.com)\//, '')
    .replace(/^@/, '')
    .replace(/\/+$/, '');
  return /^[\p{L}\p{N}_.]{2,64}$/u.test(trimmed) ? trimmed : null;
}
