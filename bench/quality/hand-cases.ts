/**
 * Hand-written dev-set cases: the spellings an analyst at a bank actually types for the subjects this service exists
 * for, and the well-known names it must NOT flag. Each is checked by build-dev-set.ts (the expected entity must exist;
 * a negative must not collide with a listed name) and otherwise kept as written.
 */
import type { Draft } from './positive-variants';

const pos = (name: string, expectedEntityId: string, variantClass: Draft['variantClass'], note: string): Draft => ({
  query: { name },
  expectedEntityId,
  variantClass,
  note,
});

const neg = (name: string, variantClass: Draft['variantClass'], note: string, subclass?: string): Draft => ({
  query: { name },
  expectedEntityId: null,
  variantClass,
  note,
  ...(subclass ? { subclass } : {}),
});

export const HAND_CASES: Draft[] = [
  // DPRK persons as South Korean banks and foreign media spell them.
  pos('Park Young-sik', 'un-KPi.063', 'korean-popular', 'PAK YONG SIK (박영식) as a passport-style spelling'),
  pos('Bak Yeong-sik', 'un-KPi.063', 'korean-rr', 'PAK YONG SIK in Revised Romanization'),
  pos('박영식', 'un-KPi.063', 'hangul', 'PAK YONG SIK in Hangul'),
  pos('Lee Sung-hyuk', 'un-KPi.077', 'korean-popular', 'RI SONG HYOK (리성혁 / 이성혁) as a South Korean would write it'),
  pos('Ri Song-hyok', 'un-KPi.077', 'case-punctuation', 'RI SONG HYOK with the hyphenated given name'),
  pos('Choi Chun-young', 'un-KPi.054', 'korean-popular', "CHOE CHUN YONG (Ch'oe Ch'un-yo'ng, 최춘영)"),
  pos('Kim Chul-nam', 'un-KPi.044', 'korean-popular', 'KIM CHOL NAM (김철남)'),
  pos('Gim Cheol-nam', 'un-KPi.044', 'korean-rr', 'KIM CHOL NAM in strict Revised Romanization'),
  pos('김철남', 'un-KPi.044', 'hangul', 'KIM CHOL NAM in Hangul'),
  pos('Ri Pyong-chol', 'un-KPi.076', 'case-punctuation', "RI PYONG CHUL as its alias Ri Pyo'ng-ch'o'l, breves dropped"),
  // Investigation subjects as Russian and foreign paperwork spells them.
  pos('Ткачук Сергей', 'ins-sergei-tkachuk', 'cyrillic', 'family name first, as Russian documents print it'),
  pos('Сергій Ткачук', 'ins-sergei-tkachuk', 'cyrillic', 'Ukrainian spelling of the given name'),
  pos('Serguei Tkatchouk', 'ins-sergei-tkachuk', 'russian-translit', 'French transliteration'),
  pos('Artiom Tchaïka', 'ins-artem-chaika', 'russian-translit', 'French transliteration of Артём Чайка'),
  pos('Piotr Popow', 'ins-pyotr-popov', 'russian-translit', 'Polish/German transliteration of Пётр Попов'),
  pos('Natalja Titowa', 'ins-natalia-titova', 'russian-translit', 'German transliteration of Наталья Титова'),
  pos('ООО «ЛокоТех-Сигнал»', 'ins-locotech-signal', 'legal-form', 'Russian legal form and guillemets, as in the Russian company register'),
  pos('OOO LocoTech-Signal', 'ins-locotech-signal', 'legal-form', 'LLC written as its Russian abbreviation'),
  pos('АО «Трансмашхолдинг»', 'ins-transmashholding', 'legal-form', 'joint-stock company form added to the Cyrillic name'),
  pos('Korea Mining Development Trading Corp.', 'un-KPe.001', 'legal-form', 'Corporation abbreviated'),
  pos('MMC', 'ins-mmc', 'acronym', 'acronym the investigation prints for the Intergovernmental Migration Center'),
  {
    query: { name: 'PAK YONG SIK', type: 'person', country: 'KP', birthDate: '1949' },
    expectedEntityId: 'un-KPi.063',
    variantClass: 'with-qualifiers',
    note: 'listed name with nationality and year of birth',
  },
  // DPRK persons as Russian paperwork writes them (Kontsevich, and Ли for 리), the task's own examples.
  pos('Пак Ён Сик', 'un-KPi.063', 'cyrillic-korean', 'PAK YONG SIK (박영식) in Kontsevich, given syllables apart'),
  pos('Ли Пён Чхоль', 'un-KPi.076', 'cyrillic-korean', "RI PYONG CHUL (리병철, alias Ri Pyo'ng-ch'o'l): Ли for 리, given syllables apart"),
  pos('华信船务(香港)有限公司', 'un-KPe.059', 'simplified-chinese', '華信船務(香港)有限公司 in simplified characters'),
  {
    query: { name: 'PAK YONG SIK', birthDate: '1975' },
    expectedEntityId: 'un-KPi.063',
    variantClass: 'conflicts',
    note: 'listed name, born 1975 against the listed 1949: another person of the same name',
    subclass: 'birth-year',
    expectedDecision: 'review',
  },
  // Well-known names that are not on the list (as of the 2024-09-26 file) or close to a listed one.
  neg('Kim Jong Un', 'neg-korean-mr', 'DPRK leader, not on the UN Consolidated List'),
  neg('Kim Yo Jong', 'neg-korean-mr', 'DPRK official, not on the UN Consolidated List'),
  neg('Choe Ryong Hae', 'neg-korean-mr', 'DPRK official, not on the UN Consolidated List'),
  neg('Sergei Shoigu', 'neg-russian-latin', 'Russian official, not on the UN Consolidated List'),
  neg('Ivan Petrov', 'neg-russian-latin', 'common Russian name'),
  neg('Samsung Electronics Co., Ltd.', 'neg-company-latin', 'South Korean company'),
  neg('Hyundai Heavy Industries', 'neg-company-latin', 'South Korean company'),
  neg('ПАО «Газпром»', 'neg-company-cyrillic', 'Russian company'),
  neg('Aeroflot PJSC', 'neg-company-latin', 'Russian airline (compare Air Koryo)'),
  neg('Виктор Робертович Цой', 'neg-koryo-saram', 'Soviet rock singer, a Koryo-saram'),
  neg('Ким Андрей Николаевич', 'neg-koryo-saram', 'common Koryo-saram name'),
  neg('Bank of Korea', 'neg-korean-institutions', 'the South Korean central bank (compare KOREA DAESONG BANK)'),
  neg('Korea Development Bank', 'neg-korean-institutions', 'South Korean state bank (compare KOREA UNITED DEVELOPMENT BANK)'),
  neg('한국은행', 'neg-korean-institutions', 'Bank of Korea in Hangul'),
  neg('中国银行股份有限公司', 'neg-chinese-companies', 'Bank of China'),
  neg('Yuri Chaika', 'near-miss', "Artem Chaika's father, named in no list", 'russian-relative'),
  neg('Vladimir Kim', 'near-miss', 'same family name as Vladislav Kim, a common Koryo-saram name', 'russian-relative'),
  neg('Pak Chol Su', 'near-miss', 'same family name as PAK YONG SIK, other given name', 'korean-relative'),
  neg('Korea Kumsan Shipping Corporation', 'near-miss', 'KOREA KUMSAN TRADING CORPORATION with another industry', 'swapped-industry'),
  neg('LocoTech-Service', 'near-miss', 'sister company of LocoTech-Signal in the same holding, not named', 'swapped-industry'),
  neg('Zavolzhsky Dairy Plant', 'near-miss', 'Zavolzhsky Meat Plant with another industry', 'swapped-industry'),
  neg('Koryo Tours', 'near-miss', 'travel agency sharing the word Koryo with Air Koryo and Koryo Bank', 'shared-word'),
];
