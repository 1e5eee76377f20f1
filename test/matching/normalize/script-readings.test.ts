import fc from 'fast-check';
import { normalizeText } from '../../../src/matching/normalize/normalize-text';
import {
  arabicSkeleton,
  hasArabicScript,
  hasOtherScript,
  latinArabicSkeleton,
  latinReading,
  looseConsonantKey,
  simplifyHan,
} from '../../../src/matching/normalize/script-readings';

describe('simplifyHan', () => {
  const pairs: Array<[string, string]> = [
    ['華信', '华信'],
    ['國', '国'],
    ['銀行', '银行'],
    ['船務', '船务'],
    ['貿易', '贸易'],
    ['華信船務(香港)有限公司', '华信船务(香港)有限公司'],
    ['中國銀行', '中国银行'],
    ['臺灣', '台湾'],
    ['習近平', '习近平'],
  ];
  it.each(pairs)('folds traditional %s to simplified %s', (traditional, simplified) => {
    expect(simplifyHan(traditional)).toBe(simplified);
  });

  it.each(['华信船务(香港)有限公司', '中国银行', '贸易', '乾隆', '著作', '后来'])('keeps simplified %s unchanged', (simplified) => {
    expect(simplifyHan(simplified)).toBe(simplified);
  });

  it.each(['', 'HUAXIN SHIPPING (HONG KONG) LIMITED', 'Сергей', '박영식', 'فرناندو'])('returns text without Han (%s) as is', (text) => {
    expect(simplifyHan(text)).toBe(text);
  });
});

describe('latinReading', () => {
  const cases: Array<[string, string, string]> = [
    ['Arabic', 'فرناندو بيريز', 'frnandw byryz'],
    ['Arabic', 'أسامة بن لادن', 'asama bn ladn'],
    ['Arabic', 'القاعدة', 'alqada'],
    ['Arabic with its short-vowel marks', 'مُحَمَّد', 'muhamad'],
    ['Persian', 'محمود احمدی‌نژاد', 'mhmwd ahmdi nzhad'],
    ['Greek', 'Ωμέγα', 'omega'],
    ['Greek', 'Θεόδωρος', 'theodoros'],
    ['Armenian', 'Հայաստան', 'hayastan'],
    ['Georgian', 'საქართველო', 'sakartvelo'],
    ['Hebrew', 'בנימין נתניהו', 'bnymyn ntnyhw'],
    ['hiragana', 'さとう', 'sato'],
    ['hiragana', 'いとう ひろぶみ', 'ito hirobumi'],
    ['hiragana', 'とうきょう', 'tokyo'],
    ['katakana', 'マッチャ', 'matcha'],
    ['katakana', 'ホッカイドウ', 'hokkaido'],
    ['katakana', 'キャノン', 'kyanon'],
    ['katakana', 'ファミリーマート', 'famirimato'],
    ['katakana', 'ウィリアム', 'wiriamu'],
    ['Han', '华信船务', 'huaxinchuanwu'],
    ['Han', '華信船務(香港)有限公司', 'huaxinchuanwu xianggang youxiangongsi'],
    ['Han', '习近平', 'xijinping'],
    ['Han beside Latin', '华信船务 Shipping', 'huaxinchuanwu shipping'],
    ['Thai', 'สวัสดี', 'swasdi'],
    ['Devanagari', 'नरेन्द्र मोदी', 'nrendr modi'],
  ];
  it.each(cases)('reads %s %s as %s', (_script, written, reading) => {
    expect(latinReading(written)).toBe(reading);
  });

  it('reads normalized text the same as written text for scripts without vowel signs', () => {
    for (const written of ['فرناندو بيريز', 'Ωμέγα', 'Հայաստան', 'בנימין נתניהו', 'いとう ひろぶみ', '華信船務(香港)有限公司']) {
      expect(latinReading(normalizeText(written))).toBe(latinReading(written));
    }
  });

  it.each(['fernando perez', 'сергей ткачук', '박영식', '', '1234', '(-)'])('returns null for %p: no other script', (text) => {
    expect(latinReading(text)).toBeNull();
  });

  it('always gives null or lower-case text in no other script, stable under normalizeText', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const reading = latinReading(text);
        if (reading === null) return;
        expect(hasOtherScript(reading)).toBe(false);
        expect(normalizeText(reading)).toBe(reading);
      }),
    );
  });
});

describe('hasOtherScript and hasArabicScript', () => {
  it.each([
    ['فرناندو', true, true],
    ['華信', true, false],
    ['カタカナ', true, false],
    ['Ωμέγα', true, false],
    ['Sergei Сергей 박영식', false, false],
    ['', false, false],
  ] as Array<[string, boolean, boolean]>)('%s: other script %s, Arabic script %s', (text, other, arabic) => {
    expect(hasOtherScript(text)).toBe(other);
    expect(hasArabicScript(text)).toBe(arabic);
  });
});

/** The skeletons of a name's parts, articles (empty skeletons) left out. */
function skeletonParts(name: string, skeleton: (token: string) => string): string[] {
  return normalizeText(name)
    .split(' ')
    .map(skeleton)
    .filter((part) => part.length > 0);
}

describe('arabicSkeleton and latinArabicSkeleton', () => {
  // Names of the UN consolidated list and others of Arabic script, each with a customary Latin spelling.
  const sameName: Array<[string, string]> = [
    ['محمد', 'Mohammed'],
    ['محمد', 'Muhammad'],
    ['محمد', 'Mohamad'],
    ['محمد', 'Mohamed'],
    ['أحمد', 'Ahmad'],
    ['صدام حسين', 'Saddam Hussein'],
    ['أسامة بن لادن', 'Usama bin Laden'],
    ['أسامة بن لادن', 'Osama bin Laden'],
    ['أيمن الظواهري', 'Ayman al-Zawahiri'],
    ['فرناندو بيريز', 'Fernando Perez'],
    ['القاعدة', 'Al-Qaida'],
    ['القاعدة', 'al Qaeda'],
    ['عمر', 'Omar'],
    ['خالد شيخ محمد', 'Khalid Sheikh Mohammed'],
    ['إبراهيم', 'Ibrahim'],
    ['يوسف', 'Youssef'],
    ['علي', 'Ali'],
    ['مصطفى', 'Moustafa'],
    ['معمر القذافي', 'Muammar Qadhafi'],
    ['معمر القذافي', 'Muammar Qaddafi'],
    ['عبد الرحمن', 'Abdul Rahman'],
    ['عبد الرحمن', 'Abd al-Rahman'],
    ['عبد العزيز', 'Abdel Aziz'],
    ['عثمان', 'Uthman'],
    ['هيثم', 'Haitham'],
    ['رمضان', 'Ramadhan'],
    ['جمال عبد الناصر', 'Gamal Abdel Nasser'],
    ['أبو مصعب الزرقاوي', "Abu Mus'ab al-Zarqawi"],
    ['أبو بكر البغدادي', 'Abu Bakr al-Baghdadi'],
    ['أنور العولقي', 'Anwar al-Awlaki'],
    ['سيف العدل', 'Saif al-Adel'],
    ['حمزة', 'Hamzah'],
    ['زينب', 'Zaynab'],
    ['شريف', 'Cherif'],
    ['سراج الدين حقاني', 'Siraj ud-Din Haqqani'],
    ['بوكو حرام', 'Boko Haram'],
    ['الشباب', 'Al-Shabaab'],
    ['تحریک طالبان پاکستان', 'Tehrik-e Taliban Pakistan'],
    ['طارق عزيز', 'Tariq Aziz'],
    ['عبد الرزاق', 'Abdul Razzaq'],
    ['ياسين', 'Yassin'],
    ['فاطمة', 'Fatimah'],
    ['يحيى', 'Yahya'],
    ['هاشم', 'Hashem'],
    ['صلاح الدين', 'Salah ud-Din'],
  ];
  it.each(sameName)('%s meets %s', (arabic, latin) => {
    expect(skeletonParts(arabic, arabicSkeleton)).toEqual(skeletonParts(latin, latinArabicSkeleton));
  });

  // One side writes as one part what the other writes as two: the parts' skeletons run together agree.
  const joined: Array<[string, string]> = [
    ['عبد الله', 'Abdullah'],
    ['عبد الله', 'Abdallah'],
    ['عبدالله', 'Abd Allah'],
    ['عبد الرحمن', 'Abdurrahman'],
    ['عبدالعزيز', 'Abdulaziz'],
    ['حسن نصر الله', 'Hassan Nasrallah'],
    ['جلال الدين حقاني', 'Jalaluddin Haqqani'],
    ['نور الدين', 'Nureddin'],
    ['محمود احمدی‌نژاد', 'Mahmoud Ahmadinejad'],
  ];
  it.each(joined)('%s meets %s written together or apart', (arabic, latin) => {
    expect(skeletonParts(arabic, arabicSkeleton).join('')).toBe(skeletonParts(latin, latinArabicSkeleton).join(''));
  });

  const differentNames: Array<[string, string]> = [
    ['محمد', 'Ahmed'],
    ['أحمد', 'Mahmoud'],
    ['علي', 'Omar'],
    ['عمر', 'Ali'],
    ['كمال', 'Jamal'],
    ['جمال', 'Kamal'],
    ['خالد', 'Walid'],
    ['وليد', 'Khalid'],
    ['حسن', 'Hamid'],
    ['يوسف', 'Yunus'],
    ['إبراهيم', 'Ismail'],
    ['إسماعيل', 'Ibrahim'],
    ['صدام حسين', 'Hassan Nasrallah'],
    ['أسامة بن لادن', 'Ayman al-Zawahiri'],
    ['القاعدة', 'Al-Shabaab'],
    ['طالبان', 'Boko Haram'],
    ['فرناندو بيريز', 'Fernando Lopez'],
    ['عبد الله', 'Abdul Rahman'],
    ['مصطفى', 'Murtada'],
    ['زينب', 'Fatima'],
    ['سعيد', 'Sultan'],
    ['غسان', 'Hassan'],
    ['قاسم', 'Hashim'],
    ['جعفر', 'Jabir'],
    ['نبيل', 'Jamil'],
    ['كريم', 'Rahim'],
    ['طارق', 'Talal'],
    ['خليل', 'Jalil'],
    ['حمزة', 'Hamid'],
  ];
  it.each(differentNames)('%s does not meet %s', (arabic, latin) => {
    expect(skeletonParts(arabic, arabicSkeleton).join(' ')).not.toBe(skeletonParts(latin, latinArabicSkeleton).join(' '));
  });

  it.each([
    ['mohammed', 'mhmd'],
    ['zawahiri', 'zhr'],
    ['perez', 'brz'],
    ['alqaida', 'lkd'],
    ['alam', 'lm'],
    ['alexander', 'lksndr'],
    ['abdullah', 'bdl'],
    ['al', ''],
    ['ad', ''],
    ['17', '17'],
  ])('latinArabicSkeleton(%p) is %p', (token, skeleton) => {
    expect(latinArabicSkeleton(token)).toBe(skeleton);
  });

  it.each([
    ['محمد', 'mhmd'],
    ['القاعدة', 'kd'],
    ['بيريز', 'brz'],
    ['ال', ''],
    ['الله', 'l'],
    ['mohammed', 'mhmd'],
  ])('arabicSkeleton(%p) is %p', (token, skeleton) => {
    expect(arabicSkeleton(token)).toBe(skeleton);
  });
});

describe('looseConsonantKey: a name read from Greek, Hebrew, Georgian, Armenian or kana meets its Latin spelling', () => {
  const key = (written: string): string[] => (latinReading(written) ?? '').split(' ').map((part) => looseConsonantKey(part));
  /** A Latin ch and v are read either way (Michel, Chaika; Titova): a part meets when the reading has one of its keys. */
  const meets = (written: string, spelled: string): boolean => {
    const read = key(written);
    const parts = spelled.toLowerCase().split(' ');
    const keysOf = (part: string): string[] => (['j', 's'] as const).flatMap((chAs) => (['', 'b'] as const).map((vAs) => looseConsonantKey(part, chAs, vAs)));
    return read.length === parts.length && parts.every((part, index) => keysOf(part).includes(read[index] ?? ''));
  };
  it.each([
    ['Φερνάντο Πέρεζ', 'Fernando Perez'],
    ['Γκουλμούροντ Χαλίμοβ', 'Gulmurod Khalimov'],
    ['Τζερόμε Κακουάβου Μπουκάντε', 'Jerome Kakwavu Bukande'],
    ['Σαμιλ Μαγκομέντοβιτς', 'Shamil Magomedovich'],
    ['Σαντίνο Ντενγκ', 'Santino Deng'],
    ['פרננדו פרס', 'Fernando Perez'],
    ['ג׳מס ניקוני', 'James Nyakuni'],
    ['אירוטה דוגלס מפמו', 'Iruta Douglas Mpamo'],
    ['סרגיי טקצ׳וק', 'Sergei Tkachuk'],
    ['ფერნანდო პერესი', 'Fernando Perez'],
    ['Ֆեռնանդո Պերես', 'Fernando Peres'],
    ['Μίτσελ Ρουκούντα', 'Michel Rukunda'],
    ['נטליה טיטובה', 'Natalia Titova'],
    ['フェルナンド・ペレス', 'Fernando Perez'],
    ['ンザンバムィタ', 'Nzambamwita'],
  ])('%s ~ %s', (written, spelled) => {
    expect(meets(written, spelled)).toBe(true);
  });

  it.each([
    ['Φερνάντο Πέρεζ', 'Armando Torres'],
    ['פרננדו פרס', 'Fernando Lopez'],
  ])('%s is not %s', (written, spelled) => {
    expect(meets(written, spelled)).toBe(false);
  });
});
