import { readOtherInformation, readRegistrationNumbers, type RegistrationNumber } from '../../../src/lists/uk/read-other-information';

describe('readOtherInformation', () => {
  it('reads the UK and UN references at the start of their segments, the rest being narrative', () => {
    const info = readOtherInformation(
      '(UK Sanctions List Ref):DPR0258. (UN Ref):KPi.063. Pak Yong Sik is a member of the Workers’ Party of Korea Central Military Commission.',
    );
    expect(info.ukReferences).toEqual({ references: ['DPR0258'], text: '(UK Sanctions List Ref):DPR0258' });
    expect(info.unReferences).toEqual({ references: ['KPi.063'], text: '(UN Ref):KPi.063' });
  });

  it.each([
    ['(UK Sanctions List Ref):AQD0194 and SOM0003. (UN Ref):QDi.042 and SOi.002. Listed …', ['AQD0194', 'SOM0003'], ['QDi.042', 'SOi.002']],
    ['(UK Sanctions List Ref):CAF0023\u00a0. (UK Statement of Reasons):…', ['CAF0023'], undefined],
    ['(UK Sanctions List Ref):DRC0066. (UN Ref):CDi. 038. Listed pursuant to paragraphs …', ['DRC0066'], ['CDi.038']],
    ['(UK Statement of Reasons):There are reasonable grounds to suspect …', undefined, undefined],
  ])('reads the references of %s', (cell, uk, un) => {
    const info = readOtherInformation(cell);
    expect(info.ukReferences?.references).toEqual(uk);
    expect(info.unReferences?.references).toEqual(un);
  });

  it('reads gender, type of entity, parent company and a ship’s particulars from their labels', () => {
    const ship = readOtherInformation(
      'Listed as asset of Korea Samjong Shipping (OFSI ID: 13635, UN Reference Number: UN Ref KPe.064) (IMO number):7408873 ' +
        '(Current owners):Korea Samjong Shipping (Flag of ship):North Korea (Previous flags):Russia (Type of ship):Oil tanker ' +
        '(Tonnage of ship):1676 (Length of ship):80 (Year built):1975',
    );
    expect(ship.segments).toEqual({
      'IMO number': '7408873',
      'Current owners': 'Korea Samjong Shipping',
      'Flag of ship': 'North Korea',
      'Previous flags': 'Russia',
      'Type of ship': 'Oil tanker',
      'Tonnage of ship': '1676',
      'Length of ship': '80',
      'Year built': '1975',
    });
    // The owner's UN reference inside the narrative is not the ship's own: no UN reference is read.
    expect(ship.unReferences).toBeUndefined();

    const company = readOtherInformation('(Website):https://www.uralairlines.ru/en/ (Type of entity):Joint Stock Company (Parent company):Ural Wings (Gender):male');
    expect(company.segments).toMatchObject({ Website: 'https://www.uralairlines.ru/en/', 'Type of entity': 'Joint Stock Company', 'Parent company': 'Ural Wings', Gender: 'male' });
  });

  it('leaves a parenthesis that is not a known label inside its segment', () => {
    const info = readOtherInformation('(Phone number):+963 112316675 (Fax) (Email address):info@example.com');
    expect(info.segments).toEqual({ 'Phone number': '+963 112316675 (Fax)', 'Email address': 'info@example.com' });
  });
});

describe('readRegistrationNumbers', () => {
  const cases: Array<[string, RegistrationNumber[]]> = [
    ['1127747296918', [{ value: '1127747296918' }]],
    [
      '(1) OGRN – 1125261000040 (2) INN – 5261079332 (3) KPP - 526101001',
      [
        { label: 'OGRN', value: '1125261000040' },
        { label: 'INN', value: '5261079332' },
        { label: 'KPP', value: '526101001' },
      ],
    ],
    ['TIN - 1841015504', [{ label: 'TIN', value: '1841015504' }]],
    [
      '1027700132195 (Russia). Tax ID 7702070139',
      [
        { value: '1027700132195', remark: '(Russia)' },
        { label: 'Tax ID', value: '7702070139' },
      ],
    ],
    [
      '(1) (УНН/ИНН): 190950894 (Belarus) (2) 7704734000/770301001 (Russia)',
      [
        { label: '(УНН/ИНН)', value: '190950894', remark: '(Belarus)' },
        { value: '7704734000/770301001', remark: '(Russia)' },
      ],
    ],
    ['OGRN 1047796118182', [{ label: 'OGRN', value: '1047796118182' }]],
  ];

  it.each(cases)('reads "%s"', (segment, expected) => {
    expect(readRegistrationNumbers(segment)).toEqual(expected);
  });
});
