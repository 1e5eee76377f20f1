/**
 * Korean names in Russian Cyrillic for the dev set: the Kontsevich system (Система Концевича), the standard Russian
 * transcription of Korean, and the deviations Russian paperwork commonly writes for Korean names.
 *
 * Tables written from the published system: L. R. Kontsevich, "Russian and Latin transcription of Korean words", as
 * tabulated in "Kontsevich system" (en.wikipedia.org/wiki/Kontsevich_system) and "Cyrillization of Korean"
 * (en.wikipedia.org/wiki/Cyrillization_of_Korean): initial and final consonants, the medial rules (plain stops voiced
 * between vowels and after the sonorants м н нъ ль р; ㄹ after ㄹ or ㄴ as лл; nasalization before ㄴ/ㅁ/ㄹ) and the vowels.
 * Deliberately independent of src/matching.
 */
import { decompose, type KoreanName } from './korean-romanization';

// Jamo indices as in korean-romanization.ts (Unicode order).
// Initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
const INITIAL = ['к', 'кк', 'н', 'т', 'тт', 'р', 'м', 'п', 'пп', 'с', 'сс', '', 'ч', 'чч', 'чх', 'кх', 'тх', 'пх', 'х'];
/** Plain stops inside a word, after a vowel or a sonorant: ㄱ г, ㄷ д, ㅂ б, ㅈ дж. */
const VOICED: Record<number, string> = { 0: 'г', 3: 'д', 7: 'б', 12: 'дж' };
// Finals (index 0 = none): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
const FINAL = ['', 'к', 'к', 'к', 'н', 'н', 'н', 'т', 'ль', 'к', 'м', 'ль', 'ль', 'ль', 'п', 'ль', 'м', 'п', 'п', 'т', 'т', 'н', 'т', 'т', 'к', 'т', 'п', 'т'];
/** A final carried over to a following vowel-initial syllable (석우 Согу, 철웅 Чхорун, 영애 Ённэ → Ёнъэ). */
const FINAL_BEFORE_VOWEL: Record<number, string> = { 1: 'г', 7: 'д', 8: 'р', 17: 'б', 19: 'с', 21: 'нъ', 22: 'дж', 27: '' };
// Medials: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
const VOWEL = ['а', 'э', 'я', 'йя', 'о', 'е', 'ё', 'йе', 'о', 'ва', 'вэ', 'ве', 'ё', 'у', 'во', 'ве', 'ви', 'ю', 'ы', 'ый', 'и'];
/** After a consonant: ㅔ е (not э), ㅖ е (계 ке), ㅒ я, ㅢ и (희 хи). Without one (ㅇ): ㅔ э (에 э). */
const VOWEL_AFTER_CONSONANT: Record<number, string> = { 3: 'я', 7: 'е', 19: 'и' };
const VOWEL_WITHOUT_CONSONANT: Record<number, string> = { 5: 'э' };

const I_NIEUN = 2;
const I_RIEUL = 5;
const I_MIEUM = 6;
const I_IEUNG = 11;
const I_HIEUH = 18;
const F_NONE = 0;
const F_NIEUN = 4;
const F_RIEUL = 8;
const F_MIEUM = 16;
const F_IEUNG = 21;
const SONORANT_FINALS = new Set([F_NIEUN, F_RIEUL, F_MIEUM, F_IEUNG]);
/** Finals read к, п or т become н, м, н before a nasal or ㄹ: 학남 Ханнам, 법명 Поммён, 학룡 Ханнён. */
const NASALIZED: Record<string, string> = { к: 'н', п: 'м', т: 'н' };

function syllableVowel(medial: number, hasConsonant: boolean): string {
  if (hasConsonant) return VOWEL_AFTER_CONSONANT[medial] ?? VOWEL[medial] ?? '';
  return VOWEL_WITHOUT_CONSONANT[medial] ?? VOWEL[medial] ?? '';
}

/**
 * One word (a run of Hangul syllables written together) in strict Kontsevich, lower case. Each syllable of a word
 * written apart (`Ён Сик`, `Ён-Сик`) is its own word and takes the word-initial forms.
 */
export function kontsevichWord(syllables: string[]): string {
  const jamo = syllables.map(decompose);
  let out = '';
  for (let i = 0; i < jamo.length; i++) {
    const j = jamo[i];
    if (!j) continue;
    const prev = i > 0 ? jamo[i - 1] : undefined;
    const next = jamo[i + 1];
    let initial = INITIAL[j.initial] ?? '';
    if (prev) {
      const prevFinal = prev.final;
      const afterSonorant = prevFinal === F_NONE || SONORANT_FINALS.has(prevFinal);
      if (afterSonorant && VOICED[j.initial] !== undefined) initial = VOICED[j.initial] ?? initial;
      if (j.initial === I_RIEUL) {
        // ㄹ after ㄹ or ㄴ: лл; after м, нъ and the obstruents: н.
        if (prevFinal === F_RIEUL || prevFinal === F_NIEUN) initial = 'л';
        else if (prevFinal !== F_NONE) initial = 'н';
      }
    }
    let final = FINAL[j.final] ?? '';
    if (next && j.final !== F_NONE) {
      if (next.initial === I_IEUNG) final = FINAL_BEFORE_VOWEL[j.final] ?? final;
      else if (j.final === F_NIEUN && next.initial === I_RIEUL) final = 'л';
      else if (j.final === F_RIEUL && (next.initial === I_RIEUL || next.initial === I_NIEUN)) final = 'л';
      else if (j.final === F_RIEUL && next.initial === I_HIEUH) final = 'р';
      else if ((next.initial === I_NIEUN || next.initial === I_MIEUM || next.initial === I_RIEUL) && NASALIZED[final]) final = NASALIZED[final] ?? final;
    }
    // ㄹ + ㄴ: the ㄴ is read л as well (설날 Соллаль).
    if (prev && prev.final === F_RIEUL && j.initial === I_NIEUN) initial = 'л';
    out += initial + syllableVowel(j.medial, j.initial !== I_IEUNG) + final;
  }
  return out;
}

const cap = (w: string): string => (w.length === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1));

/** How the given-name syllables are written: together (Kontsevich's own rule), apart, or hyphenated. */
export type CyrillicGivenStyle = 'joined' | 'apart' | 'hyphen' | 'hyphen-lower';

/** Common-practice deviations from strict Kontsevich in Russian paperwork for Korean names. */
export interface CyrillicPractice {
  /** Word-initial ё of 여/영/요 written е (Ен instead of Ён). */
  yeAtStart?: boolean;
  /** ё written е everywhere (Пен, Ен), as Russian print often drops the dots. */
  yoAsYe?: boolean;
  /** ㅊ written ч instead of чх (Чоль instead of Чхоль). */
  unaspiratedCh?: boolean;
  /** Word-initial ㅈ written дж or чж instead of ч (Джон, Чжон). */
  initialJ?: 'дж' | 'чж';
  /** The family name as Russian usage writes it, when it has its own convention (Ли for 리, Цой for 최). */
  family?: string;
}

/**
 * Family names with spellings of their own in Russian usage, besides strict Kontsevich: 리/이 Ли (as every Russian
 * text writes Lee), 최 Цой (the Koryo-saram spelling) and Чой, 림 Лим, 류 Рю/Ю, 량 Лян, 신 Шин, 정 Чен (older press).
 */
export const RUSSIAN_FAMILY_USAGE: Record<string, string[]> = {
  리: ['Ли'],
  이: ['Ли'],
  최: ['Цой', 'Чой', 'Чве'],
  림: ['Лим'],
  임: ['Лим'],
  류: ['Рю', 'Ю'],
  량: ['Лян'],
  신: ['Шин'],
  정: ['Чен', 'Чжон'],
};

function applyPractice(word: string, practice: CyrillicPractice): string {
  let w = word;
  // ㅈ first: the ч that ㅊ leaves once written without х is still ㅊ, never дж.
  if (practice.initialJ && w.startsWith('ч') && !w.startsWith('чх') && !w.startsWith('чч')) w = practice.initialJ + w.slice(1);
  if (practice.unaspiratedCh) w = w.replace(/чх/g, 'ч');
  if (practice.yeAtStart && w.startsWith('ё')) w = `е${w.slice(1)}`;
  if (practice.yoAsYe) w = w.replace(/ё/g, 'е');
  return w;
}

/**
 * A Korean name in Cyrillic: family name, then the given name in `style`; `familyLast` puts the family name last
 * (Ён Сик Пак). Strict Kontsevich is `{ style: 'joined' }` with no practice.
 */
export function koreanNameToCyrillic(
  name: KoreanName,
  options: { style: CyrillicGivenStyle; familyLast?: boolean; practice?: CyrillicPractice },
): string {
  const practice = options.practice ?? {};
  const family = practice.family ?? cap(applyPractice(kontsevichWord([name.family]), practice));
  const words =
    options.style === 'joined' ? [kontsevichWord(name.given)] : name.given.map((s) => kontsevichWord([s]));
  const given = words.map((w) => applyPractice(w, practice));
  const givenText =
    options.style === 'joined' || options.style === 'apart'
      ? given.map(cap).join(' ')
      : given.map((w, i) => (i === 0 || options.style === 'hyphen' ? cap(w) : w)).join('-');
  return options.familyLast ? `${givenText} ${family}` : `${family} ${givenText}`;
}
