/**
 * Negatives close to the DPRK part of the list: ethnic Koreans of the former USSR (Koryo-saram) as Russian records
 * write them, South Korean institutions and companies (Bank of Korea, Korea Development Bank: near the list's Korea
 * Kwangson Banking Corp and Korea Ryonbong General Corporation by design), and Chinese companies in simplified
 * characters. Every candidate is still checked against the list by negative-names.ts before it is kept.
 */
import * as parts from './name-parts';
import type { NegativeCandidate } from './negative-names';
import type { Rng } from './prng';
import { transliterate } from './russian-transliteration';

const { words, lines } = parts;

// ---------------------------------------------------------------------------------------------------------------------
// neg-koryo-saram.

/**
 * Koryo-saram family names as Soviet and Russian records spell them (Цой for 최, Тен for 정, Огай/Хегай/Югай for the
 * two-syllable 오가/허가/유가 forms); the most frequent ones repeated so that they come up as often as in life.
 */
const KORYO_SARAM_FAMILY = words(`
Ким Ким Ким Ким Пак Пак Пак Ли Ли Ли Цой Цой Тен Хан Шин Нам Огай Югай Хегай Кан Пяк Тян Ни Лим Мун Со Чон Хван Ан
Тё Эм Ом Дин Пай Лигай Тигай Шегай Когай Ян Ю Ен Ха Сон Пан Магай Кугай Ко Хо Мин Тхай Де Чен Юн Ки Кя Цхай Дю
`);

export function koryoSaram(rng: Rng): NegativeCandidate {
  const female = rng.chance(0.45);
  const given = rng.pick(female ? parts.RUSSIAN_FEMALE_GIVEN : parts.RUSSIAN_MALE_GIVEN);
  const family = rng.pick(KORYO_SARAM_FAMILY);
  const patronymic = rng.chance(0.65) ? parts.patronymic(rng.pick(parts.RUSSIAN_MALE_GIVEN), female) : null;
  const givenPart = patronymic ? `${given} ${patronymic}` : given;
  // Russian records put the family name first; forms and passports also write it in capitals or last.
  const order = rng.pick(['family-first', 'family-first', 'family-last', 'family-capitals'] as const);
  const system = rng.pick(['bgn', 'bgn', 'icao'] as const);
  const write = (f: string, g: string): string => (order === 'family-last' ? `${g} ${f}` : `${order === 'family-capitals' ? f.toUpperCase() : f} ${g}`);
  const cyrillic = write(family, givenPart);
  const latin = rng.chance(0.45);
  return {
    // Transliterated word by word, then capitalized: ЦОЙ → TSOY, not TsOY.
    text: latin ? write(transliterate(family, system), transliterate(givenPart, system)) : cyrillic,
    checkForms: [cyrillic, transliterate(cyrillic, 'bgn')],
    note: `Koryo-saram name ${cyrillic}${latin ? `, ${system} transliteration` : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// neg-korean-institutions.

/** Real South Korean institutions and companies (none sanctioned), as their own English and Korean names read. */
const REAL_KOREAN_INSTITUTIONS = lines(`
Bank of Korea; The Bank of Korea; Korea Development Bank; KDB Bank; Export-Import Bank of Korea; Korea Eximbank;
Industrial Bank of Korea; Korea Exchange Bank; KEB Hana Bank; KB Kookmin Bank; Kookmin Bank; Shinhan Bank; Woori Bank;
Hana Bank; NongHyup Bank; Busan Bank; Daegu Bank; Kwangju Bank; Jeonbuk Bank; Kyongnam Bank; Jeju Bank;
Korea Development Bank Capital; Korean Air Lines Co., Ltd.; Korean Air; Asiana Airlines Inc.; Jeju Air; Korea Airports Corporation;
Incheon International Airport Corporation; Korea Electric Power Corporation; KEPCO; Korea Hydro & Nuclear Power Co., Ltd.;
Korea Gas Corporation; Korea National Oil Corporation; Korea Water Resources Corporation; Korea Land and Housing Corporation;
Korea Expressway Corporation; Korea Railroad Corporation; Korail; Korea Trade-Investment Promotion Agency; KOTRA;
Korea Trade Insurance Corporation; Korea Deposit Insurance Corporation; Korea Credit Guarantee Fund; Korea Investment Corporation;
Korea Exchange; Korea Securities Depository; Korea Institute of Science and Technology; KAIST;
Korea Advanced Institute of Science and Technology; Pohang University of Science and Technology; Seoul National University;
Korea University; Yonsei University; Sungkyunkwan University; Hanyang University; Korea Atomic Energy Research Institute;
Korea Aerospace Research Institute; Korea Institute for Defense Analyses; Agency for Defense Development; Korea Development Institute;
Korea Energy Agency; Korea Maritime Institute; Korea Institute of Ocean Science and Technology; Korea International Cooperation Agency;
KOICA; Korea Tourism Organization; Korea Customs Service; Korea Coast Guard; Korea Meteorological Administration; Korea Post;
Korean Broadcasting System; Munhwa Broadcasting Corporation; Seoul Broadcasting System; Yonhap News Agency; The Korea Herald;
Korea Chamber of Commerce and Industry; Federation of Korean Industries; Korea International Trade Association;
Korea Federation of SMEs; Korean Red Cross; Korea Foundation; Samsung Electronics Co., Ltd.; Samsung Electronics;
Samsung Heavy Industries; Samsung C&T Corporation; Hyundai Motor Company; Hyundai Heavy Industries; HD Hyundai Heavy Industries Co., Ltd.;
Hyundai Mobis; Hyundai Engineering & Construction; Hyundai Glovis; HMM Co., Ltd.; Kia Corporation; LG Electronics Inc.;
LG Chem Ltd.; LG Display; SK Hynix Inc.; SK Innovation; SK Telecom; KT Corporation; POSCO Holdings; POSCO International;
Lotte Corporation; Lotte Chemical; Hanwha Corporation; Hanwha Ocean; Hanwha Aerospace; Doosan Enerbility; CJ CheilJedang;
Korea Zinc Co., Ltd.; Korea Aerospace Industries; Korea Shipbuilding & Offshore Engineering; Pan Ocean Co., Ltd.;
Korea Line Corporation; Hanjin Transportation; Daewoo Engineering & Construction; GS Caltex Corporation; S-Oil Corporation;
Naver Corporation; Kakao Corp.; Coupang; Celltrion; Amorepacific; Korea Ginseng Corporation; Korea Tobacco & Ginseng;
Korea Mint; Korea Minting and Security Printing Corporation; Korea Racing Authority; Korea Housing Finance Corporation;
Korea Asset Management Corporation; Korea Technology Finance Corporation; Korea SMEs and Startups Agency;
Korea Institute of Nuclear Safety; Korea Institute of Energy Research; Korea Research Institute of Ships and Ocean Engineering;
Korea Institute of Industrial Technology; Korea Electrotechnology Research Institute; Korea Rural Community Corporation;
Korea Agro-Fisheries & Food Trade Corporation; Korea Forest Service; Korea National Park Service; Korea Racing Association;
한국은행; 한국산업은행; 한국수출입은행; 중소기업은행; 국민은행; 신한은행; 우리은행; 하나은행; 농협은행; 부산은행;
삼성전자 주식회사; 삼성전자; 현대자동차; 현대자동차 주식회사; 현대중공업; 기아 주식회사; 엘지전자; 에스케이하이닉스;
대한항공; 주식회사 대한항공; 아시아나항공; 한국전력공사; 한국가스공사; 한국석유공사; 한국수자원공사; 한국토지주택공사;
한국도로공사; 한국철도공사; 대한무역투자진흥공사; 한국무역보험공사; 예금보험공사; 한국투자공사; 한국거래소;
한국과학기술연구원; 한국과학기술원; 서울대학교; 고려대학교; 연세대학교; 한국원자력연구원; 한국항공우주연구원;
한국국방연구원; 국방과학연구소; 한국개발연구원; 한국해양수산개발원; 한국국제협력단; 한국관광공사; 관세청; 해양경찰청;
기상청; 우정사업본부; 한국방송공사; 연합뉴스; 대한상공회의소; 전국경제인연합회; 한국무역협회; 대한적십자사;
포스코홀딩스 주식회사; 롯데케미칼; 한화오션 주식회사; 에이치엠엠 주식회사; 팬오션 주식회사; 고려아연 주식회사;
한국조선해양 주식회사; 한국항공우주산업 주식회사; 한국조폐공사; 한국마사회; 인천국제공항공사; 부산항만공사
`);

/** South Korean cities and provinces (as romanized in company names), and the same in Hangul. */
const ROK_PLACES: [string, string][] = [
  ['Seoul', '서울'], ['Busan', '부산'], ['Incheon', '인천'], ['Daegu', '대구'], ['Daejeon', '대전'], ['Gwangju', '광주'],
  ['Ulsan', '울산'], ['Suwon', '수원'], ['Changwon', '창원'], ['Pohang', '포항'], ['Gumi', '구미'], ['Jeonju', '전주'],
  ['Cheongju', '청주'], ['Gimhae', '김해'], ['Geoje', '거제'], ['Mokpo', '목포'], ['Yeosu', '여수'], ['Gunsan', '군산'],
  ['Pyeongtaek', '평택'], ['Gyeonggi', '경기'], ['Gangwon', '강원'], ['Jeju', '제주'], ['Sejong', '세종'], ['Chungbuk', '충북'],
];

/** Fields for "Korea <field> <institution>" names, in English and Korean. */
const ROK_FIELDS: [string, string][] = [
  ['Maritime', '해양'], ['Energy', '에너지'], ['Steel', '철강'], ['Textile', '섬유'], ['Fisheries', '수산'], ['Agricultural', '농업'],
  ['Semiconductor', '반도체'], ['Automobile', '자동차'], ['Pharmaceutical', '제약'], ['Tourism', '관광'], ['Railway', '철도'],
  ['Aviation', '항공'], ['Software', '소프트웨어'], ['Food', '식품'], ['Standards', '표준'], ['Environment', '환경'], ['Forestry', '산림'],
  ['Culture', '문화'], ['Education', '교육'], ['Health', '보건'], ['Securities', '증권'], ['Venture', '벤처'], ['Logistics', '물류'],
  ['Port', '항만'], ['Construction', '건설'], ['Design', '디자인'], ['Film', '영화'], ['Sports', '체육'], ['Bio', '바이오'], ['Display', '디스플레이'],
];

/** Institution words: English and Korean. */
const ROK_INSTITUTIONS: [string, string][] = [
  ['Institute', '연구원'], ['Research Institute', '연구원'], ['Association', '협회'], ['Agency', '진흥원'], ['Foundation', '재단'],
  ['Federation', '연합회'], ['Council', '협의회'], ['Promotion Agency', '진흥원'], ['Cooperative', '조합'], ['Industry Association', '산업협회'],
];

/** South Korean company stems in their usual romanization (group and trade names). */
const ROK_COMPANY_STEMS = words(`
Daewoo Hanwha Dongkuk Hyosung Kumho Ssangyong Daelim Taekwang Samyang Iljin Youngone Hanseong Kukdong Daeshin Hanjin
Sungwoo Shinsegae Dongwon Ottogi Nongshim Hansol Kolon Poongsan Seah Hanil Hankook Kyobo Meritz Daesang Dongbu Hanmi
Yuhan Chong Kun Dang Namyang Binggrae Orion Pulmuone Woongjin Taeyoung Doosan Hyundai Samsung
`);

const ROK_COMPANY_FORMS = ['Co., Ltd.', 'Co., Ltd.', 'Corporation', 'Inc.', 'Corp.', 'Co.', ''];
const ROK_INDUSTRIES = lines(`
Electronics; Steel; Chemical; Shipping; Logistics; Construction; Engineering; Textile; Foods; Pharmaceuticals; Precision; Industrial;
Heavy Industries; Motors; Petrochemical; Tire; Paper; Cement; Securities; Life Insurance; Fire & Marine Insurance; Capital; Trading
`);
const ROK_INDUSTRIES_HANGUL = words('전자 철강 화학 해운 물류 건설 엔지니어링 섬유 식품 제약 정밀 산업 중공업 자동차 석유화학 타이어 제지 시멘트 증권 생명보험 화재 캐피탈 상사');

/**
 * A South Korean institution or company: a real one, or one built from place, field and institution words; null when
 * the built name's own word (city or company stem) is one only a few listed organizations use (`isDistinctive`).
 */
export function koreanInstitution(rng: Rng, isDistinctive: (stem: string) => boolean): NegativeCandidate | null {
  if (rng.chance(0.45)) {
    // Real institutions may sit inside a listed name's words (Bank of Korea in KOREA DAESONG BANK): that is the point.
    return { text: rng.pick(REAL_KOREAN_INSTITUTIONS), checkForms: [], note: 'South Korean institution or company (real)', allowInsideListed: true };
  }
  const kind = rng.pick(['field', 'field', 'place', 'company', 'hangul-field', 'hangul-company'] as const);
  if (kind === 'field') {
    const [field] = rng.pick(ROK_FIELDS);
    const [institution] = rng.pick(ROK_INSTITUTIONS);
    const text = rng.pick([`Korea ${field} ${institution}`, `Korean ${field} ${institution}`, `Korea ${institution} of ${field}`]);
    return { text, checkForms: [], note: 'South Korean institution: Korea + field + institution word' };
  }
  if (kind === 'place') {
    const [place] = rng.pick(ROK_PLACES);
    if (isDistinctive(place)) return null;
    const text = rng.pick([
      `${place} ${rng.pick(ROK_INDUSTRIES)} ${rng.pick(ROK_COMPANY_FORMS)}`.trim(),
      `${place} ${rng.pick(['Port Authority', 'Metropolitan Government', 'Bank', 'City Hall', 'Chamber of Commerce', 'Techno Park', 'Credit Guarantee Foundation'])}`,
    ]);
    return { text, checkForms: [], note: 'South Korean company or body named after its city' };
  }
  if (kind === 'company') {
    const stem = rng.pick(ROK_COMPANY_STEMS);
    if (isDistinctive(stem)) return null;
    const text = `${stem} ${rng.pick(ROK_INDUSTRIES)} ${rng.pick(ROK_COMPANY_FORMS)}`.trim();
    return { text: rng.chance(0.2) ? text.toUpperCase() : text, checkForms: [], note: 'South Korean company: group stem + industry + legal form' };
  }
  if (kind === 'hangul-field') {
    const [, field] = rng.pick(ROK_FIELDS);
    const [, institution] = rng.pick(ROK_INSTITUTIONS);
    const prefix = rng.chance(0.7) ? '한국' : rng.pick(ROK_PLACES)[1];
    return { text: `${prefix}${field}${institution}`, checkForms: [], note: 'South Korean institution in Hangul' };
  }
  const [romanized, place] = rng.pick(ROK_PLACES);
  if (isDistinctive(romanized)) return null;
  const industry = rng.pick(ROK_INDUSTRIES_HANGUL);
  const name = `${place}${industry}`;
  const text = rng.pick([`주식회사 ${name}`, `(주)${name}`, `${name} 주식회사`, `${name}(주)`]);
  return { text, checkForms: [], note: 'South Korean company in Hangul with 주식회사' };
}

// ---------------------------------------------------------------------------------------------------------------------
// neg-chinese-companies.

/** Chinese cities (simplified), stems and industries; stems chosen unlike the list's Han names (华信, 长安海连, 沈忠). */
const CN_PLACES = words('深圳 广州 上海 北京 天津 大连 青岛 宁波 厦门 杭州 苏州 武汉 成都 重庆 沈阳 哈尔滨 长春 吉林 延吉 珲春 南京 福州 昆明 郑州 济南 烟台');
const CN_STEMS = words('华兴 金龙 恒泰 鑫达 中达 天元 宏远 东方 丰源 嘉禾 凯达 瑞丰 盛达 泰丰 万家 永盛 宝利 鼎盛 富兴 广达 华联 金海 龙腾 明辉 荣盛 天利 鑫源 恒通 远航 新世纪');
const CN_INDUSTRIES = words('贸易 电子 海运 物流 化工 机械 纺织 食品 建材 钢铁 投资 科技 能源 医药 进出口 实业 国际贸易 船舶 矿业');
const CN_FORMS = words('有限公司 有限公司 有限责任公司 股份有限公司 集团有限公司');

export function chineseCompany(rng: Rng): NegativeCandidate {
  const place = rng.pick(CN_PLACES);
  const withCity = rng.chance(0.3) ? `${place}市` : place;
  const text = `${rng.chance(0.85) ? withCity : ''}${rng.pick(CN_STEMS)}${rng.pick(CN_INDUSTRIES)}${rng.pick(CN_FORMS)}`;
  return { text, checkForms: [], note: 'Chinese company in simplified characters' };
}
