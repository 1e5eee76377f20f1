import fc from 'fast-check';
import { DEFAULT_KOREAN_READINGS, koreanReadingsOfCyrillic } from '../../../src/matching/normalize/cyrillic-korean';
import { koreanSyllableKeysOfParts } from '../../../src/matching/normalize/korean-romanization-classes';
import { normalizeText } from '../../../src/matching/normalize/normalize-text';
import { romanizeHangul } from '../../../src/matching/normalize/romanize-hangul';

/** Class keys of a Latin name, syllable by syllable. */
function keysOf(latin: string): string[] | null {
  return koreanSyllableKeysOfParts(normalizeText(latin).split(' '));
}

function readings(cyrillic: string, maxReadings?: number): string[] | null {
  return koreanReadingsOfCyrillic(normalizeText(cyrillic), maxReadings);
}

describe('koreanReadingsOfCyrillic', () => {
  // [Cyrillic as Russian media and records write it, the UN's (or McCune–Reischauer) spelling, Hangul, rule exercised]
  const cases: Array<[string, string, string, string]> = [
    ['Пак Ён Сик', 'PAK YONG SIK', '박영식', 'final н = ㅇ'],
    ['Ли Пён Чхоль', 'RI PYONG CHOL', '리병철', 'Ли = 리, Чх = ㅊ, ль final'],
    ['Ри Пён Чхоль', 'RI PYONG CHOL', '리병철', 'Ри = 리'],
    ['Ким Чен Ын', 'KIM JONG UN', '김정은', 'е after ч before a final = ㅓ, Ын = 은 (н = ㄴ)'],
    ['Ким Чжон Ын', 'KIM JONG UN', '김정은', 'Чж = ㅈ'],
    ['Чхве Рён Хэ', 'CHOE RYONG HAE', '최룡해', 'ве = ㅚ, э = ㅐ'],
    ['Ким Ён Чхоль', 'KIM YONG CHOL', '김영철', 'final н = ㅇ'],
    ['Ким Ен Чхоль', 'KIM YONG CHOL', '김영철', 'Е at syllable start = ㅕ'],
    ['Хван Пён Со', 'HWANG PYONG SO', '황병서', 'ва = ㅘ'],
    ['Ким Ё Чжон', 'KIM YO JONG', '김여정', 'Ё = ㅕ'],
    ['Цой', 'CHOE', '최', 'Koryo ц = ㅊ, ой = ㅚ'],
    ['Тен', 'JONG', '정', 'Koryo т before е = ㅈ'],
    ['Тян', 'JANG', '장', 'Koryo т before я = ㅈ'],
    ['Тё', 'CHO', '조', 'Koryo т before ё = ㅈ'],
    ['Ким Ир Сен', 'KIM IL SUNG', '김일성', 'р final in a lone syllable, е after с = ㅓ'],
    ['Ким Чен Ир', 'KIM JONG IL', '김정일', 'р final in a lone syllable'],
    ['Ли Сон Гвон', 'RI SON GWON', '리선권', 'во = ㅝ, ㅝ + н = ㄴ first'],
    ['Чо Ён Вон', 'JO YONG WON', '조용원', 'Вон = 원'],
    ['Ким Ён Нам', 'KIM YONG NAM', '김영남', 'м final'],
    ['Пак Пон Чжу', 'PAK PONG JU', '박봉주', 'Чж = ㅈ'],
    ['Ким Гён Хи', 'KIM KYONG HUI', '김경희', 'г = ㄱ at word start, Хи = 희'],
    ['Ким Кён Хи', 'KIM KYONG HUI', '김경희', 'к = ㄱ'],
    ['Ли Ён Хо', 'RI YONG HO', '리영호', 'final н = ㅇ'],
    ['Хён Ён Чхоль', 'HYON YONG CHOL', '현영철', 'final н = ㄴ (second choice)'],
    ['О Гык Рёль', 'O KUK RYOL', '오극렬', 'ы = ㅡ, к final'],
    ['Ким Ён Чун', 'KIM YONG CHUN', '김영춘', 'ч = ㅊ'],
    ['Ли Су Ён', 'RI SU YONG', '리수용', 'final н = ㅇ'],
    ['Пак Ы Чхун', 'PAK UI CHUN', '박의춘', 'lone Ы = 의'],
    ['Ли Ман Гон', 'RI MAN GON', '리만건', 'Ман: н = ㄴ first'],
    ['Ким Ки Нам', 'KIM KI NAM', '김기남', 'plain syllables'],
    ['Чхве Ён Рим', 'CHOE YONG RIM', '최영림', 'ве = ㅚ'],
    ['Ким Ток Хун', 'KIM TOK HUN', '김덕훈', 'о = ㅓ'],
    ['Ким Джэ Рён', 'KIM JAE RYONG', '김재룡', 'Дж = ㅈ'],
    ['Ли Иль Хван', 'RI IL HWAN', '리일환', 'ва + н = ㄴ (second choice)'],
    ['Ким Сон Нам', 'KIM SONG NAM', '김성남', 'Сон = 성'],
    ['Чхве Сон Хи', 'CHOE SON HUI', '최선희', 'Сон = 선 (second choice)'],
    ['Ли Ён Гиль', 'RI YONG GIL', '리영길', 'г = ㄱ, ль final'],
    ['Но Гван Чхоль', 'NO KWANG CHOL', '노광철', 'ва + н = ㅇ'],
    ['Пак Чон Чхон', 'PAK JONG CHON', '박정천', 'final н both ways'],
    ['О Су Ён', 'O SU YONG', '오수용', 'vowel-only syllable'],
    ['Ким Ён Бок', 'KIM YONG BOK', '김영복', 'б = ㅂ'],
    ['Ким Су Гиль', 'KIM SU GIL', '김수길', 'г = ㄱ'],
    ['Ким Чон Гак', 'KIM JONG GAK', '김정각', 'г = ㄱ, к final'],
    ['Ли Сын Ман', 'YI SUNG MAN', '이승만', 'ы + н = ㅇ'],
    ['Пак Кын Хе', 'PAK KUN HYE', '박근혜', 'е open after х = ㅖ (second choice)'],
    ['Мун Чжэ Ин', 'MUN JAE IN', '문재인', 'у + н = ㄴ'],
    ['Пан Ги Мун', 'PAN KI MUN', '반기문', 'а + н = ㄴ (second choice)'],
    ['Ли Мён Бак', 'YI MYONG PAK', '이명박', 'б = ㅂ'],
    ['Но Му Хён', 'NO MU HYON', '노무현', 'ё + н = ㄴ (second choice)'],
    ['Ко Ён Хи', 'KO YONG HUI', '고영희', 'Хи = 희'],
    ['Ким Ён Ир', 'KIM YONG IL', '김영일', 'р final in a lone syllable'],
    ['Ян Хён Соп', 'YANG HYONG SOP', '양형섭', 'я + н = ㅇ, п final'],
    ['Чон Иль Чхун', 'JON IL CHUN', '전일춘', 'final н = ㄴ (second choice)'],
    ['Кан Сок Чу', 'KANG SOK JU', '강석주', 'а + н = ㅇ'],
    ['Ким Ян Гон', 'KIM YANG GON', '김양건', 'о + н = ㄴ (second choice)'],
    ['Чо Мён Рок', 'JO MYONG ROK', '조명록', 'р = ㄹ onset'],
    ['Ким Гёк Сик', 'KIM KYOK SIK', '김격식', 'ё = ㅕ'],
    ['Ким Чхэк', 'KIM CHAEK', '김책', 'Чх = ㅊ, э = ㅐ'],
    ['Пак То Чхун', 'PAK TO CHUN', '박도춘', 'т = ㄷ'],
    ['Чу Гю Чхан', 'CHU KYU CHANG', '주규창', 'ю = ㅠ'],
    ['Пэк Се Бон', 'PAEK SE BONG', '백세봉', 'е open after с = ㅔ/ㅐ'],
    ['Ли Дже Сон', 'RI JE SON', '리제선', 'Дж = ㅈ, е open = ㅔ/ㅐ'],
    ['Чхве Чхун Сик', 'CHOE CHUN SIK', '최춘식', 'Чх = ㅊ'],
    ['Хён Гван Ир', 'HYON KWANG IL', '현광일', 'Гван = 광'],
    ['Сон Ир Хо', 'SONG IL HO', '송일호', 'о = ㅗ'],
    ['Пак Ёнсик', 'PAK YONG SIK', '박영식', 'syllables joined'],
    ['Пак Ён-Сик', 'PAK YONG SIK', '박영식', 'syllables hyphenated'],
    ['Ким Ёнчхоль', 'KIM YONG CHOL', '김영철', 'syllables joined'],
    ['Ли Чхоллим', 'RI CHOL RIM', '리철림', 'л final before л onset, joined'],
  ];

  it.each(cases)('%s reads as %s (%s, %s)', (cyrillic, un, hangul) => {
    const read = readings(cyrillic);
    expect(read).not.toBeNull();
    const keys = (read ?? []).map(keysOf);
    expect(keysOf(un)).not.toBeNull();
    expect(keys).toContainEqual(keysOf(un));
    expect(keys).toContainEqual(keysOf(romanizeHangul(hangul, 'mr')));
  });

  it('has at least 40 real names', () => {
    expect(new Set(cases.map(([cyrillic]) => cyrillic)).size).toBeGreaterThanOrEqual(40);
  });

  // Given names written joined, as Kontsevich writes them: by pronunciation, the final and the next onset assimilated.
  // [Cyrillic, the UN's (or McCune–Reischauer) spelling in the same word order, Hangul word by word, rule exercised]
  const assimilated: Array<[string, string, string, string]> = [
    ['Чжо Чжуллён', 'CHO CHUN RYONG', '조 준룡', 'ㄴ+ㄹ written лл'],
    ['Чхуллён Чо', 'CHUN RYONG CHO', '춘룡 조', 'ㄴ+ㄹ written лл, given name first'],
    ['Чхоллам Ким', 'CHOL NAM KIM', '철남 김', 'ㄹ+ㄴ written лл, given name first'],
    ['Чхве Сонмин', "CH'OE SO'K MIN", '최 석민', 'ㄱ+ㅁ written нм'],
    ['Ли Иллам', 'RI IL NAM', '리 일남', 'ㄹ+ㄴ written лл'],
    ['Чо Мённок', 'JO MYONG ROK', '조 명록', 'ㅇ+ㄹ written нн'],
    ['Чхве Ённим', 'CHOE YONG RIM', '최 영림', 'ㅇ+ㄹ written нн'],
    ['Хан Соннён', 'HAN SONG RYONG', '한 성룡', 'ㅇ+ㄹ written нн'],
    ['Ким Поннюль', 'KIM PONG RYUL', '김 봉률', 'ㅇ+ㄹ written нн'],
    ['Ким Чуннин', 'KIM JUNG RIN', '김 중린', 'ㅇ+ㄹ written нн'],
    ['О Кыннёль', 'O KUK RYOL', '오 극렬', 'ㄱ+ㄹ written нн'],
    ['Пэк Ханним', 'PAEK HAK RIM', '백 학림', 'ㄱ+ㄹ written нн'],
    ['Ли Тоннип', 'RI TOK RIP', '리 독립', 'ㄱ+ㄹ written нн'],
    ['Ким Соннам', 'KIM SOK NAM', '김 석남', 'ㄱ+ㄴ written нн'],
    ['Ким Самнён', 'KIM SAM RYONG', '김 삼룡', 'ㅁ+ㄹ written мн'],
    ['Ким Камнён', 'KIM KAP RYONG', '김 갑룡', 'ㅂ+ㄹ written мн'],
    ['Ли Поммён', 'RI POP MYONG', '리 법명', 'ㅂ+ㅁ written мм'],
    ['О Кукнёль', 'O KUK RYOL', '오 극렬', 'ㄹ written н after к, the final kept'],
    ['Ким Ённам', 'KIM YONG NAM', '김 영남', 'ㅇ+ㄴ as written'],
    ['Хон Соннам', 'HONG SONG NAM', '홍 성남', 'ㅇ+ㄴ as written'],
    ['Ли Чхоллим', 'RI CHOL RIM', '리 철림', 'ㄹ+ㄹ as written'],
  ];

  it.each(assimilated)('%s reads as %s among the first 4 (%s, %s)', (cyrillic, un, hangul) => {
    const keys = (readings(cyrillic, 4) ?? []).map(keysOf);
    expect(keysOf(un)).not.toBeNull();
    expect(keys).toContainEqual(keysOf(un));
    expect(keys).toContainEqual(keysOf(romanizeHangul(hangul, 'mr')));
  });

  it('has at least 12 assimilated joined names', () => {
    const assimilatedNames = assimilated.filter(([, , , rule]) => !rule.endsWith('as written'));
    expect(new Set(assimilatedNames.map(([cyrillic]) => cyrillic)).size).toBeGreaterThanOrEqual(12);
  });

  it('reads a joined name as written first and its assimilated forms after', () => {
    expect(readings('Чжо Чжуллён')?.slice(0, 2)).toEqual(['jo julryong', 'jo junryong']);
    expect(readings('Чхве Сонмин')?.slice(0, 2)).toEqual(['choe songmin', 'choe sokmin']);
    expect(readings('Ким Ённам')?.[0]).toBe('kim yongnam');
  });

  it('assimilates only within a word, never across words written apart', () => {
    expect(readings('Чхве Сон Мин')).not.toContain('choe sok min');
    expect(readings('Чжо Чжул Лён')).not.toContain('jo jun ryong');
    expect(readings('Ли Пён Чхоль')).toEqual(['ri pyong chol', 'ri pyon chol']);
  });

  it.each([
    ['Пак Ён Сик', 'pak yong sik'],
    ['Ким Чен Ын', 'kim jong un'],
    ['Чхве Рён Хэ', 'choe ryong hae'],
    ['Хван Пён Со', 'hwang pyong so'],
    ['Ким Ё Чжон', 'kim yo jong'],
    ['Ким Ир Сен', 'kim il song'],
    ['Цой', 'choe'],
    ['Тен', 'jong'],
  ])('reads %s first as %s', (cyrillic, first) => {
    expect(readings(cyrillic)?.[0]).toBe(first);
  });

  it('writes the letters the Hangul path writes', () => {
    expect(readings('Пак Ён Сик')).toContain(normalizeText(romanizeHangul('박영식', 'mr')));
    expect(readings('Чан Сон Тхэк')).toContain(normalizeText(romanizeHangul('장성택', 'mr')));
  });

  it('keeps the input words as parts', () => {
    for (const reading of readings('Пак Ёнсик') ?? []) expect(reading.split(' ')).toHaveLength(2);
    expect(readings('Пак Ёнсик')?.[0]).toBe('pak yongsik');
  });

  it('offers both finals for н, ㅇ first where names favour it', () => {
    expect(readings('Ён')).toEqual(['yong', 'yon']);
    expect(readings('Ин')).toEqual(['in', 'ing']);
  });

  const russianNames = ['андрей', 'николаевич', 'виктор', 'сергей', 'иванов', 'Ким Андрей Николаевич', 'Владислав Ким'];
  const moreRussian = ['Цой Виктор', 'Цой Виктор Робертович', 'Пётр', 'Евгений', 'Дмитрий', 'Геннадий'];
  it.each([...russianNames, ...moreRussian])('does not read the Russian name %s as Korean', (russian) => {
    expect(readings(russian)).toBeNull();
  });

  it('may read short Korean-shaped Russian words as Korean (the scorer decides)', () => {
    expect(readings('Ким')).toEqual(['kim']);
    expect(readings('Ян')?.[0]).toBe('yang');
  });

  it('returns null for empty, Latin or over-long input', () => {
    expect(koreanReadingsOfCyrillic('')).toBeNull();
    expect(koreanReadingsOfCyrillic('pak yong sik')).toBeNull();
    expect(koreanReadingsOfCyrillic('кимкимкимкимким')).toBeNull();
  });

  it('never throws and never returns more than maxReadings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: 20 }), (input, max) => {
        const read = koreanReadingsOfCyrillic(input, max);
        if (read !== null) expect(read.length).toBeLessThanOrEqual(max);
        expect(koreanReadingsOfCyrillic(input)?.length ?? 0).toBeLessThanOrEqual(DEFAULT_KOREAN_READINGS);
      }),
    );
  });

  const syllable = fc
    .tuple(
      fc.constantFrom('', 'к', 'г', 'н', 'т', 'р', 'л', 'м', 'п', 'с', 'ч', 'чж', 'чх', 'кх', 'тх', 'пх', 'х'),
      fc.constantFrom('а', 'я', 'о', 'ё', 'у', 'ю', 'ы', 'и', 'э', 'е', 'ва', 'ве', 'во'),
      fc.constantFrom('', 'к', 'н', 'ль', 'м', 'п'),
    )
    .map((parts) => parts.join(''));
  const koreanWord = fc.array(syllable, { minLength: 1, maxLength: 2 }).map((syllables) => syllables.join(''));

  it('reads any name built of Korean syllables, every reading a Korean romanization with the same parts', () => {
    const name = fc.array(koreanWord, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(name, fc.integer({ min: 1, max: 16 }), (words, max) => {
        const read = koreanReadingsOfCyrillic(words.join(' '), max);
        expect(read).not.toBeNull();
        expect(read?.length).toBeGreaterThanOrEqual(1);
        expect(read?.length).toBeLessThanOrEqual(max);
        for (const reading of read ?? []) {
          const parts = reading.split(' ');
          expect(parts).toHaveLength(words.length);
          for (const part of parts) expect(koreanSyllableKeysOfParts([part])).not.toBeNull();
        }
      }),
    );
  });

});
