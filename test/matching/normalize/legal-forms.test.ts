import {
  compareLegalForms,
  expandCompanyMarks,
  splitGluedLegalForms,
  splitLegalForms,
  wholeLegalForm,
  type LegalFormClass,
} from '../../../src/matching/normalize/legal-forms';
import { nameForms } from '../../../src/matching/normalize/name-forms';
import { normalizeText } from '../../../src/matching/normalize/normalize-text';

/** The name and legal forms of a written organization name, glued legal forms split off first. */
function setAside(raw: string): { name: string; legalForms: LegalFormClass[] } {
  const tokens = splitGluedLegalForms(normalizeText(expandCompanyMarks(raw)).split(' '));
  const split = splitLegalForms(tokens);
  return { name: split.kept.map((index) => tokens[index]).join(' '), legalForms: split.legalForms };
}

/** The first form of an organization name through the whole pipeline (Cyrillic and Hangul readings). */
function firstForm(raw: string): { name: string; legalForms: readonly LegalFormClass[] } {
  const [form] = nameForms(expandCompanyMarks(raw.normalize('NFKC')), { entityType: 'organization' });
  return { name: form?.text ?? '', legalForms: form?.legalForms ?? [] };
}

describe('legal forms: long and short spellings are one class', () => {
  const pairs: Array<[string, string, LegalFormClass]> = [
    ['Siemens Aktiengesellschaft', 'Siemens AG', 'jsc'],
    ['Siemens Gesellschaft mit beschränkter Haftung', 'Siemens GmbH', 'llc'],
    ['Renault Société anonyme', 'Renault S.A.', 'jsc'],
    ['Telefonica Sociedad Anónima', 'Telefonica SA', 'jsc'],
    ['Fiat Società per azioni', 'Fiat S.p.A.', 'jsc'],
    ['Dupont Société à responsabilité limitée', 'Dupont SARL', 'llc'],
    ['Garcia Sociedad de responsabilidad limitada', 'Garcia S.R.L.', 'llc'],
    ['Garcia Sociedad Limitada', 'Garcia S.L.', 'llc'],
    ['Philips Besloten vennootschap', 'Philips B.V.', 'ltd'],
    ['Philips Naamloze vennootschap', 'Philips N.V.', 'jsc'],
    ['Volvo Aktiebolag', 'Volvo AB', 'stock-company'],
    ['Nokia Osakeyhtiö', 'Nokia Oy', 'stock-company'],
    ['Maersk Aktieselskab', 'Maersk A/S', 'stock-company'],
    ['Sony Kabushiki Kaisha', 'Sony K.K.', 'stock-company'],
    ['Sony Yugen Kaisha', 'Sony Y.K.', 'llc'],
    ['Petronas Sendirian Berhad', 'Petronas Sdn. Bhd.', 'ltd'],
    ['Maybank Berhad', 'Maybank Bhd', 'pjsc'],
    ['Perseroan Terbatas Bank Mandiri', 'PT Bank Mandiri', 'stock-company'],
    ['Romashka Limited Liability Company', 'Romashka LLC', 'llc'],
    ['Rosatom Joint Stock Company', 'Rosatom JSC', 'jsc'],
    ['Barclays Public Limited Company', 'Barclays PLC', 'pjsc'],
    ['Tata Private Limited', 'Tata Pvt Ltd', 'ltd'],
    ['Tata Private Limited', 'Tata Pte. Ltd.', 'ltd'],
    ['Tata Private Limited', 'Tata Pty Ltd', 'ltd'],
    ['Chon Myong Shipping Company Limited', 'Chon Myong Shipping Co., Ltd.', 'ltd'],
    ['Acme Incorporated', 'Acme Inc.', 'corporation'],
    ['Acme Corporation', 'Acme Corp.', 'corporation'],
  ];
  it.each(pairs)('%s and %s are both %s', (long, short, legalForm) => {
    const a = setAside(long);
    const b = setAside(short);
    expect(a.legalForms).toEqual([legalForm]);
    expect(b.legalForms).toEqual([legalForm]);
    expect(a.name).toBe(b.name);
    expect(compareLegalForms(a.legalForms, b.legalForms)).toBe('same');
  });

  it('reads Anonim Şirketi as a joint-stock company and A.Ş. (also Norwegian AS, Czech a.s.) as a share company', () => {
    const long = setAside('Akbank Türk Anonim Şirketi');
    const short = setAside('Akbank Türk A.Ş.');
    expect(long).toEqual({ name: 'akbank turk', legalForms: ['jsc'] });
    expect(short).toEqual({ name: 'akbank turk', legalForms: ['stock-company'] });
    expect(compareLegalForms(long.legalForms, short.legalForms)).toBe('compatible');
  });

  // Cyrillic (Russian and Ukrainian readings) and Hangul legal forms through the whole name pipeline.
  const scripts: Array<[string, string, LegalFormClass]> = [
    ['Общество с ограниченной ответственностью «Ромашка»', 'romashka', 'llc'],
    ['ООО «Ромашка»', 'romashka', 'llc'],
    ['Акционерное общество Росатом', 'rosatom', 'jsc'],
    ['АО Росатом', 'rosatom', 'jsc'],
    ['Публичное акционерное общество Сбербанк', 'sberbank', 'pjsc'],
    ['ПАО Сбербанк', 'sberbank', 'pjsc'],
    ['Закрытое акционерное общество Стройка', 'stroyka', 'cjsc'],
    ['ЗАО Стройка', 'stroyka', 'cjsc'],
    ['Открытое акционерное общество Газпром', 'gazprom', 'ojsc'],
    ['ОАО Газпром', 'gazprom', 'ojsc'],
    // Ukrainian: ТОВ, ПАТ, ПрАТ, ВАТ, ЗАТ and their long forms.
    ['Товариство з обмеженою відповідальністю «Хліб»', 'khlib', 'llc'],
    ['ТОВ «Хліб»', 'khlib', 'llc'],
    ['Публічне акціонерне товариство «Хліб»', 'khlib', 'pjsc'],
    ['ПАТ «Хліб»', 'khlib', 'pjsc'],
    ['Приватне акціонерне товариство «Хліб»', 'khlib', 'cjsc'],
    ['ПрАТ «Хліб»', 'khlib', 'cjsc'],
    ['Відкрите акціонерне товариство «Хліб»', 'khlib', 'ojsc'],
    ['Акціонерне товариство «Хліб»', 'khlib', 'jsc'],
    ['주식회사 조선은행', 'jo son un haeng', 'stock-company'],
    ['(주)조선은행', 'jo son un haeng', 'stock-company'],
    ['조선은행㈜', 'jo son un haeng', 'stock-company'],
    ['유한회사 조선은행', 'jo son un haeng', 'llc'],
  ];
  it.each(scripts)('%s is %s + %s', (raw, name, legalForm) => {
    expect(firstForm(raw)).toEqual({ name, legalForms: [legalForm] });
  });

  const romanizedKorean: Array<[string, LegalFormClass]> = [
    ['Chosun Bank Chusik Hoesa', 'stock-company'],
    ['Chosun Bank Jusikhoesa', 'stock-company'],
    ['Chosun Bank Yuhan Hoesa', 'llc'],
  ];
  it.each(romanizedKorean)('%s is read as %s', (raw, legalForm) => {
    expect(setAside(raw)).toEqual({ name: 'chosun bank', legalForms: [legalForm] });
  });
});

describe('legal forms glued to a Han or romanized Korean name', () => {
  const cases: Array<[string, string, LegalFormClass]> = [
    ['华信船务有限公司', '华信船务', 'ltd'],
    ['華信船務有限公司', '華信船務', 'ltd'],
    ['华信船务股份有限公司', '华信船务', 'stock-company'],
    ['华信船务有限责任公司', '华信船务', 'llc'],
    ['華信船務有限責任公司', '華信船務', 'llc'],
    ['华信船务集团有限公司', '华信船务 集团', 'ltd'],
    ['华信船务 有限公司', '华信船务', 'ltd'],
    ['华信公司', '华信', 'company'],
    ['株式会社東芝', '東芝', 'stock-company'],
    ['東芝株式会社', '東芝', 'stock-company'],
    ['東芝(株)', '東芝', 'stock-company'],
  ];
  it.each(cases)('%s is %s + %s', (raw, name, legalForm) => {
    expect(setAside(raw)).toEqual({ name, legalForms: [legalForm] });
  });

  it('splits a legal form off the last (or, for 株式会社, the first) token only', () => {
    expect(splitGluedLegalForms(['华信船务有限公司'])).toEqual(['华信船务', '有限公司']);
    expect(splitGluedLegalForms(['josonunhaengjusikhoesa'])).toEqual(['josonunhaeng', 'jusikhoesa']);
    expect(splitGluedLegalForms(['有限公司', '华信'])).toEqual(['有限公司', '华信']);
  });

  it('never splits a token that is a legal form in full, a branch or a head office', () => {
    expect(splitGluedLegalForms(['有限公司'])).toEqual(['有限公司']);
    expect(splitGluedLegalForms(['股份有限公司'])).toEqual(['股份有限公司']);
    expect(splitGluedLegalForms(['中国银行香港分公司'])).toEqual(['中国银行香港分公司']);
    expect(splitGluedLegalForms(['jusikhoesa'])).toEqual(['jusikhoesa']);
    expect(splitGluedLegalForms([])).toEqual([]);
  });

  it('keeps a Han name that is only a legal form', () => {
    expect(setAside('有限公司')).toEqual({ name: '有限公司', legalForms: [] });
  });
});

describe('legal forms: where they are read', () => {
  it('reads "as" and "spa" as legal forms only at the end of a name', () => {
    expect(setAside('As-Sahab Media')).toEqual({ name: 'as sahab media', legalForms: [] });
    expect(setAside('Turkcell A.S.')).toEqual({ name: 'turkcell', legalForms: ['stock-company'] });
    expect(setAside('Spa Trading Company')).toEqual({ name: 'spa trading', legalForms: ['company'] });
  });

  it('still reads one typo in a common English form, but no Karl for SARL', () => {
    expect(setAside('Foo Limted')).toEqual({ name: 'foo', legalForms: ['ltd'] });
    expect(setAside('KOTI COP')).toEqual({ name: 'koti', legalForms: ['corporation'] });
    expect(setAside('Marx Karl')).toEqual({ name: 'marx karl', legalForms: [] });
  });

  it('reads a Mexican S.A. de C.V. as one legal form', () => {
    expect(setAside('Grupo Bimbo S.A. de C.V.')).toEqual({ name: 'grupo bimbo', legalForms: ['jsc'] });
  });

  it('knows a comma-separated legal form in full', () => {
    expect(wholeLegalForm(['sdn', 'bhd'])).toBe('ltd');
    expect(wholeLegalForm(['as'])).toBe('stock-company');
    expect(wholeLegalForm(['bank'])).toBeNull();
  });

  it('spells out Korean and Japanese company marks only', () => {
    expect(expandCompanyMarks('(주)한국무역')).toBe(' 주식회사 한국무역');
    expect(expandCompanyMarks('한국무역 (유)')).toBe('한국무역  유한회사 ');
    expect(expandCompanyMarks('Korea Trading (KOTRA)')).toBe('Korea Trading (KOTRA)');
  });
});

describe('compareLegalForms', () => {
  const forms = (raw: string): LegalFormClass[] => setAside(`Acme ${raw}`).legalForms;
  const matrix: Array<[string, string, string]> = [
    // Conflicts: both sides name specific forms of different families.
    ['AG', 'GmbH', 'conflict'],
    ['LLC', 'JSC', 'conflict'],
    ['OOO', 'AO', 'conflict'],
    ['SARL', 'SA', 'conflict'],
    ['Ltd', 'PLC', 'conflict'],
    ['LLP', 'LLC', 'conflict'],
    ['Sdn Bhd', 'Berhad', 'conflict'],
    // Compatible: one family, or a share company that English renders either way.
    ['ZAO', 'AO', 'compatible'],
    ['PAO', 'OAO', 'compatible'],
    ['AG', 'PLC', 'compatible'],
    ['GmbH', 'Ltd', 'compatible'],
    ['Kabushiki Kaisha', 'Co Ltd', 'compatible'],
    ['Kabushiki Kaisha', 'JSC', 'compatible'],
    ['AB', 'Ltd', 'compatible'],
    ['Oy', 'AG', 'compatible'],
    // Generic words never conflict.
    ['Company', 'AG', 'compatible'],
    ['Company', 'LLC', 'compatible'],
    ['Co', 'Kabushiki Kaisha', 'compatible'],
    ['Corporation', 'GmbH', 'compatible'],
    ['Inc', 'JSC', 'compatible'],
    ['Corp', 'LLP', 'compatible'],
    // Same class, whatever the language.
    ['Co Ltd', 'Ltd', 'same'],
    ['Company Limited', 'Ltd', 'same'],
    ['Inc', 'Corp', 'same'],
    ['AG', 'SA', 'same'],
    ['GmbH', 'OOO', 'same'],
    ['Sdn Bhd', 'Pte Ltd', 'same'],
    ['Kabushiki Kaisha', 'Aktiebolag', 'same'],
  ];
  it.each(matrix)('%s vs %s: %s', (a, b, expected) => {
    expect(compareLegalForms(forms(a), forms(b))).toBe(expected);
    expect(compareLegalForms(forms(b), forms(a))).toBe(expected);
  });

  it('compares Han legal forms with their Latin ones', () => {
    expect(compareLegalForms(setAside('华信有限公司').legalForms, forms('Co Ltd'))).toBe('same');
    expect(compareLegalForms(setAside('华信股份有限公司').legalForms, forms('JSC'))).toBe('compatible');
    expect(compareLegalForms(setAside('华信股份有限公司').legalForms, forms('Ltd'))).toBe('compatible');
    expect(compareLegalForms(setAside('华信有限责任公司').legalForms, forms('LLC'))).toBe('same');
  });

  it('is compatible when one side carries two forms and one agrees (PT … Tbk)', () => {
    expect(forms('Tbk')).toEqual(['pjsc']);
    expect(compareLegalForms(setAside('PT Bank Mandiri Tbk').legalForms, forms('PLC'))).toBe('same');
    expect(compareLegalForms(setAside('PT Bank Mandiri Tbk').legalForms, forms('Ltd'))).toBe('compatible');
  });

  it('is absent when either side has no legal form', () => {
    expect(compareLegalForms([], forms('AG'))).toBe('absent');
    expect(compareLegalForms(forms('GmbH'), [])).toBe('absent');
  });
});
