/**
 * Name parts for the dev set's negatives: ordinary people and companies of the origins a screening service in this
 * region meets. Written by hand from common-name knowledge; none is taken from the sanctions list. Every assembled
 * negative is still checked against the list (listed-name-index.ts) before it is kept.
 */

/** The words of a table written as text. */
export const words = (text: string): string[] => text.trim().split(/\s+/);
/** The entries of a table written one per line or separated by semicolons. */
export const lines = (text: string): string[] =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

// --- Russian (Cyrillic; Latin forms come from the transliteration systems) --------------------------------------------

export const RUSSIAN_MALE_GIVEN = words(`
Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артур Богдан Борис Вадим Валентин Валерий Василий Вениамин
Виктор Виталий Владимир Всеволод Вячеслав Геннадий Георгий Герман Глеб Григорий Давид Даниил Денис Дмитрий Евгений
Егор Захар Иван Игнат Игорь Илья Кирилл Константин Лев Леонид Максим Марк Матвей Михаил Никита Николай Олег Павел
Роман Ростислав Руслан Святослав Семён Станислав Степан Тимофей Тимур Фёдор Филипп Эдуард Юрий Яков Ярослав Платон
Савелий Ефим Макар
`);

export const RUSSIAN_FEMALE_GIVEN = words(`
Алевтина Алёна Алина Алиса Алла Анастасия Ангелина Анна Антонина Валентина Валерия Вера Вероника Виктория Галина
Дарья Диана Ева Евгения Екатерина Елена Елизавета Жанна Зинаида Зоя Инна Ирина Карина Кира Клавдия Кристина Ксения
Лариса Лидия Любовь Людмила Маргарита Марина Мария Надежда Нина Оксана Олеся Ольга Полина Раиса Светлана Софья
Таисия Тамара Татьяна Ульяна Эвелина Юлия Яна Ярослава Василиса Милана
`);

/** Masculine forms; feminine forms are derived (-ов → -ова, -ский → -ская). Includes Koryo-saram and Caucasus names. */
export const RUSSIAN_FAMILY = words(`
Абрамов Агафонов Александров Алексеев Андреев Анисимов Антонов Афанасьев Баранов Белов Белоусов Богданов Большаков
Борисов Быков Васильев Виноградов Власов Волков Воробьёв Гаврилов Герасимов Голубев Горбунов Григорьев Гусев Давыдов
Данилов Денисов Дмитриев Дорофеев Егоров Ершов Жуков Зайцев Захаров Зиновьев Иванов Игнатьев Ильин Исаев Казаков
Калинин Карпов Кириллов Киселёв Климов Ковалёв Козлов Колесников Комаров Кондратьев Коновалов Копылов Королёв
Крылов Кудрявцев Кузнецов Кузьмин Лазарев Лебедев Лукин Макаров Максимов Мартынов Матвеев Медведев Мельников
Миронов Михайлов Морозов Назаров Никитин Николаев Новиков Орлов Осипов Павлов Панов Петров Поляков Пономарёв
Прохоров Романов Рябов Савельев Сафонов Семёнов Сергеев Сидоров Смирнов Соболев Соколов Солдатов Степанов Субботин
Тарасов Тимофеев Третьяков Тихонов Уваров Устинов Фёдоров Филиппов Фомин Фролов Харитонов Цветков Чернов Шаров
Шестаков Широков Щербаков Юдин Яковлев Ястребов Бондаренко Шевченко Коваленко Ткаченко Кравченко Мельниченко
Лысенко Савчук Ковальчук Полищук Остапчук Гончарук Бойко Мороз Кравец Рыбак Жданов Белинский Островский Покровский
Вишневский Ковалевский Данилевский Садовский Толстой Донской Раевский Цой Хан Ли Пак Тен Шин Ан Нам Огай Магомедов
Алиев Гаджиев Абдуллаев Мамедов Гусейнов Кадыров Бериашвили Кавтарадзе Петросян Саркисян Оганесян
`);

/** The feminine form of a Russian family name (Иванов → Иванова, Покровский → Покровская); others keep one form. */
export function feminineFamily(family: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(family) && !['Ин'].includes(family)) return `${family}а`;
  if (/(ский|цкий)$/.test(family)) return family.replace(/ий$/, 'ая');
  if (/ской$/.test(family)) return family.replace(/ой$/, 'ая');
  if (/ый$/.test(family)) return family.replace(/ый$/, 'ая');
  if (/[^ц]ой$/.test(family) && family.length > 4) return family.replace(/ой$/, 'ая');
  return family;
}

/** The patronymic formed from a father's given name (Сергей → Сергеевич / Сергеевна). */
export function patronymic(fatherGiven: string, female: boolean): string {
  const special: Record<string, [string, string]> = {
    Лев: ['Львович', 'Львовна'], Павел: ['Павлович', 'Павловна'], Пётр: ['Петрович', 'Петровна'],
    Михаил: ['Михайлович', 'Михайловна'], Илья: ['Ильич', 'Ильинична'], Никита: ['Никитич', 'Никитична'],
    Дмитрий: ['Дмитриевич', 'Дмитриевна'], Яков: ['Яковлевич', 'Яковлевна'], Савелий: ['Савельевич', 'Савельевна'],
    Семён: ['Семёнович', 'Семёновна'], Фёдор: ['Фёдорович', 'Фёдоровна'], Макар: ['Макарович', 'Макаровна'],
  };
  const known = special[fatherGiven];
  if (known) return female ? known[1] : known[0];
  let stem: string;
  if (/ий$/.test(fatherGiven)) stem = fatherGiven.replace(/ий$/, 'ьев');
  else if (/[ая]й$|ей$/.test(fatherGiven)) stem = fatherGiven.replace(/й$/, 'ев');
  else if (/ь$/.test(fatherGiven)) stem = fatherGiven.replace(/ь$/, 'ев');
  else stem = `${fatherGiven}ов`;
  return stem + (female ? 'на' : 'ич');
}

// --- Korean (Hangul; romanizations come from korean-romanization.ts) ---------------------------------------------------

/** One-syllable family names, northern spelling (리, 류, 림, 량) — the southern one is derived by the initial-sound law. */
export const KOREAN_FAMILY = [
  ...'김리박최정강조윤장림한오서신권황안송류전홍고문량손배백허남심로하곽성차주우구민진라지엄채원천방공현함변렴려석선설마길련위표명기반왕금옥륙인맹제모탁국어은편룡예경봉사부태형빈도계피두감음소동시팽승간상갈단견당화추',
];

/** Two-syllable given names: South Korean names of several generations and DPRK-style names. */
export const KOREAN_GIVEN = words(`
민준 서준 도윤 예준 시우 하준 주원 지호 지후 준서 준우 현우 도현 지훈 건우 우진 선우 서진 민재 현준 연우 유준
정우 승우 승현 시윤 준혁 은우 지환 승민 지우 유찬 윤우 민성 준영 시후 진우 지원 수호 재윤 시현 동현 태윤 민혁
재원 서연 서윤 서현 민서 하은 하윤 윤서 지유 지민 채원 수아 지아 지윤 은서 다은 예은 수빈 소율 예린 지안 하린
시은 유나 가은 예원 수민 민지 혜원 은지 소연 미영 영희 순자 정숙 경희 미숙 상훈 성민 재형 동욱 기현 태호 병준
광민 창민 대현 종민 철남 명수 광혁 성일 정남 영남 춘식 광철 명철 혁철 철호 광수 명호 창호 경수 학철 금철
은철 룡남 일성 정일 영일 성호 진혁 명길 기남 영수 정호 봉수 창일 국철 명국 철웅 송철 은정 금순 옥희 설희 영옥 명옥
순희 경옥 혜경 향미 은향 금옥 충혁 문혁 강철 룡철 혁남 덕수 봉철
`);

// --- Chinese (pinyin) and Hong Kong (Cantonese) -----------------------------------------------------------------------

export const CHINESE_FAMILY = words(`
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han Feng
Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Lu Wei Ding Shen Ren Yao Cui Zhong Tan Fan Jin Shi Liao Jia Xia
Fu Fang Bai Zou Meng Xiong Qin Qiu Yin Xue Yan Duan Lei Hou Long Tao Gu Mao Hao Gong Shao Wan Qian Dai Mo Kong Xiang
Chang Wen Kang Niu Hong Qi Xing Lai Gan Ou Ji Ke Ling Zhan Lou Cheng Bao Geng Guan Miao Ning Pang Rao Shang Tong
`);

export const CHINESE_GIVEN = words(`
Wei Fang Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Xiu Xia Hui Hua Ping Gang Bin Hao Yu Xin Yi Lin
Xiaoming Jianguo Jianhua Guoqiang Zhiwei Haitao Xiaoyan Xiaohong Lihua Yufei Zihan Haoran Yuxuan Zhiqiang Jianjun
Xiuying Guilan Shufen Yuying Jianping Weidong Hongmei Xiaoli Chunhua Dongmei Lijuan Haiyan Xiaojun Yonggang Zhigang
Wenjie Zhenyu Tianyi Mingyu Ruoxi Shiyu Yichen Zixuan Jiahao Junjie Kaiwen Siyuan Yuhang Zhihao Bowen Chenxi Jinghan
Xinyi Yutong Mengyao Ziyi Yiran Qingyun Shaohua Jiacheng Guohua Dehua Weiguo Xuemei Yanling Liping Jinlong Fengying
Hongwei Baoguo Chunlin Dongsheng Haibo Jianxin Kang Peng Rui Song Ting Xuan Yun Zhen Wenbin Yaoming
`);

export const HONG_KONG_FAMILY = words(`
Chan Wong Leung Cheung Lau Lee Ng Ho Lam Yeung Chow Tang Kwok Tse Lo Fung Chu Mak Yip Law Choi Tam Siu Cheng Kwan Hui
Poon Chung Wan Yuen Au Sze Tong Ko Tsui Kwong Fong Shum Kong Pang
`);

export const HONG_KONG_GIVEN = lines(`
Ka Ming; Wai Kit; Siu Ling; Chi Keung; Kwok Wing; Mei Ling; Wing Yan; Ho Yin; Tsz Kin; Ka Yan; Man Kit; Yuk Lan;
Chun Wai; Hoi Yan; Kin Fai; Lai Shan; Pui Ki; Sai Kit; Tak Ming; Wai Man; Ying Ying; Yiu Wah; Hon Kwan; Kam Hung;
Shing Fai; Fuk Wing; Suk Yee; Hiu Tung; Cheuk Hei; Yat Long
`);

export const HONG_KONG_ENGLISH_GIVEN = words(`Peter Michael Tony Kelvin Raymond Eric Vincent Ivan Alan Gary Winnie Ivy Karen Joyce Cherry Vivian Connie Queenie`);

// --- Arabic (Latin transcription as banks receive it) ------------------------------------------------------------------

export const ARABIC_MALE_GIVEN = words(`
Ahmad Ahmed Ali Omar Umar Hassan Hasan Hussein Husayn Khalid Khaled Youssef Yusuf Ibrahim Ismail Mustafa Mostafa
Mahmoud Mahmud Tariq Tarek Karim Kareem Samir Sameer Nabil Walid Waleed Faisal Fahad Fahd Sultan Salman Saleh Salih
Majid Rashid Rachid Nasser Nasir Jamal Kamal Adel Adil Anwar Bilal Bassam Ziad Ziyad Hamza Hamid Hamed Imad Jalal Jamil
Mazen Marwan Munir Nader Nadir Osama Usama Qasim Rami Riyad Sami Sayed Shadi Sharif Taha Talal Wael Yasser Yasir
Zakaria Zaki Amr Ayman Basil Fadi Ghassan Hatem Haitham Hisham Issa Jihad Louay Malik Mohannad Moataz Nizar Raed Saif
Tamer Yahya Younis Abdelaziz Abdulrahman Abdallah Abdelkader Abdulkarim
`);

export const ARABIC_FEMALE_GIVEN = words(`
Fatima Aisha Maryam Mariam Khadija Zainab Zaynab Layla Leila Noor Nour Huda Hana Rania Salma Samira Yasmin Yasmine
Amal Amira Asma Dalia Dina Farah Ghada Hiba Iman Jamila Lina Lubna Mona Muna Nadia Nawal Rasha Reem Rim Sahar Sana
Suha Wafa Widad Zahra Nisreen Rima Manal Basma
`);

export const ARABIC_FAMILY = words(`
Al-Ahmad Al-Ali Al-Amin Al-Ansari Al-Attar Al-Azzam Al-Badawi Al-Bakri Al-Dabbagh Al-Dosari Al-Farsi Al-Ghamdi
Al-Hakim Al-Hamdan Al-Hariri Al-Hashemi Al-Jaber Al-Jabri Al-Kaabi Al-Khalil Al-Khatib Al-Khoury Al-Maliki Al-Mansour
Al-Marri Al-Masri Al-Mutairi Al-Nabulsi Al-Najjar Al-Omari Al-Qahtani Al-Qasimi Al-Rashid Al-Sabah Al-Saleh Al-Sayed
Al-Shamsi Al-Sharif Al-Sudairi Al-Tamimi Al-Tikriti Al-Zahrani Al-Zubaidi Abboud Abdel-Malek Abu-Zeid Ashour Awad
Azzam Bakr Barakat Bishara Daher Darwish Eid Fakhoury Farag Fares Ghanem Habib Haddad Halabi Hamdan Hammoud Harb
Hijazi Ibrahim Issa Jaber Kanaan Karam Khalil Khoury Mansour Masri Nasr Nassar Qassem Rahal Saab Sabbagh Saleh Salem
Sayegh Shaheen Shalaby Sleiman Suleiman Taha Tawfik Yassin Younes Zaki Zayed Zidan Othman Mahfouz Naguib Sabry
Sherif Ghazi Hamadi Mrad Ben-Salah Bouazizi Belhaj Haddadi Benali Chaabane Ouali
`);

// --- English and European -----------------------------------------------------------------------------------------------

export const EUROPEAN_GIVEN = words(`
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Paul
Steven Andrew Kenneth Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric
Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Frank Alexander Patrick Jack Dennis Mary Patricia
Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily
Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Laura Sharon Cynthia Kathleen Amy Shirley
Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Rachel Carolyn Janet Catherine Heather
Hans Klaus Jürgen Stefan Wolfgang Dieter Uwe Matthias Sabine Ursula Monika Petra Jean Pierre Michel Philippe Alain
François Nathalie Isabelle Sophie Camille Giuseppe Giovanni Marco Luca Francesca Giulia Chiara Alessandro Lorenzo
Carlos José Javier Miguel Alejandro Lucía Carmen Pilar Joao Rui Pedro Ana Beatriz Jan Pieter Willem Sanne Lars Erik
Sven Ingrid Astrid Björn Piotr Tomasz Krzysztof Agnieszka Katarzyna Magdalena Jakub Wojciech Ewa Zofia Mateusz
`);

export const EUROPEAN_FAMILY = words(`
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White
Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts
Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed
Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Ross
Foster Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schröder
Neumann Schwarz Zimmermann Braun Krüger Dubois Durand Lefebvre Moreau Laurent Simon Michel Leroy Roux Fournier Girard
Bonnet Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti García Fernández
González Rodríguez López Martínez Sánchez Pérez Gómez Díaz Silva Santos Ferreira Pereira Oliveira Costa Janssen
Jansen Vermeulen Verbeek Bakker Visser Smit Johansson Andersson Karlsson Nilsson Larsen Hansen Nowak Kowalski
Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański O'Brien O'Connor McCarthy Murray Fitzgerald
`);

// --- Other origins ------------------------------------------------------------------------------------------------------

export const OTHER_NAMES: Record<string, { given: string[]; family: string[] }> = {
  turkish: {
    given: words('Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Serkan Kemal Fatma Ayşe Emine Hatice Zeynep Elif Merve Özlem Gül Deniz Oğuz Cem Selin'),
    family: words('Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aksoy'),
  },
  indian: {
    given: words('Rahul Amit Sanjay Rajesh Suresh Vikram Arjun Rohan Anil Deepak Priya Anjali Sunita Pooja Neha Kavita Lakshmi Meera Ravi Manoj Aditya Karan Divya Shreya Nikhil'),
    family: words('Sharma Verma Gupta Singh Kumar Patel Shah Mehta Reddy Rao Nair Iyer Menon Pillai Joshi Kulkarni Desai Chatterjee Banerjee Mukherjee Das Bose Kapoor Malhotra Agarwal'),
  },
  japanese: {
    given: words('Hiroshi Takeshi Kenji Yuki Haruto Sota Ren Daiki Kazuo Akira Satoshi Yusuke Yui Aoi Hana Sakura Yoko Keiko Emi Mai Naoko Tomoko Riko Kaori Shota'),
    family: words('Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa'),
  },
  vietnamese: {
    given: words('Anh Binh Cuong Dung Hai Hung Khanh Linh Long Minh Nam Phuong Quang Thanh Thao Trang Tuan Van Hoa Lan Mai Huong Duc Son Tien'),
    family: words('Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Trinh Dinh Lam Mai'),
  },
  persian: {
    given: words('Reza Mehdi Hossein Amir Ali Mohsen Saeed Majid Behrouz Dariush Kourosh Farhad Parisa Shirin Maryam Nasrin Leila Azadeh Niloufar Roya Bahram Kaveh Arash Babak Nima'),
    family: words('Ahmadi Hosseini Mohammadi Rezaei Moradi Karimi Jafari Rahimi Hashemi Sadeghi Kazemi Ebrahimi Ghasemi Nazari Tehrani Shirazi Esfahani Rostami Farahani Mirzaei Bagheri Akbari Alavi Najafi Zand'),
  },
  african: {
    given: words('Chinedu Emeka Oluwaseun Adebayo Tunde Ngozi Chiamaka Amina Kwame Kofi Ama Abena Juma Baraka Wanjiru Achieng Tendai Thabo Sipho Lerato Nomvula Mamadou Fatou Ousmane Aissatou'),
    family: words('Okafor Okonkwo Adeyemi Balogun Eze Nwosu Mensah Boateng Owusu Asante Otieno Kamau Mwangi Njoroge Moyo Ndlovu Dlamini Nkosi Diallo Traoré Koné Ndiaye Diop Sow Keita'),
  },
  indonesian: {
    given: words('Agus Budi Dewi Eko Hendra Indra Joko Kurniawan Lestari Putri Rina Sari Siti Slamet Wahyu Yudi Bambang Fitri Nur Rudi Ayu Dian Hadi Teguh Wulan'),
    family: words('Santoso Wijaya Setiawan Hidayat Kusuma Pratama Saputra Nugroho Gunawan Susanto Halim Tanjung Siregar Nasution Lubis Harahap Sinaga Simanjuntak Wibowo Purnomo Hartono Suharto Rahman Utomo Sembiring'),
  },
  latin_american: {
    given: words('Juan Luis Jorge Ricardo Fernando Eduardo Andrés Diego Sergio Raúl Gabriela Daniela Valentina Camila Mariana Alejandra Paola Fernanda Guadalupe Rosa Héctor Mauricio Rodrigo Esteban Julio'),
    family: words('Hernández Ramírez Torres Flores Rivera Vargas Castillo Jiménez Moreno Romero Herrera Medina Aguilar Castro Ortiz Ruiz Mendoza Guzmán Salazar Vega Rojas Contreras Navarro Ríos Delgado'),
  },
};

// --- Companies --------------------------------------------------------------------------------------------------------

export const COMPANY_STEMS_LATIN = lines(`
Apex; Blue Harbor; Northwind; Meridian; Silverline; Oakridge; Pinnacle; Horizon; Evergreen; Summit; Crescent; Redwood;
Bluewater; Ironbridge; Clearview; Goldfield; Westbrook; Riverstone; Starlight; Brightpath; Cornerstone; Highland;
Lakeside; Falcon; Orion; Atlas; Vanguard; Keystone; Sterling; Harbourside; Greenleaf; Stonegate; Nova; Vertex; Zenith;
Polaris; Cobalt; Sapphire; Granite; Aurora; Beacon; Cedar; Compass; Coral; Delta; Eastgate; Fairway; Frontier;
Gateway; Heritage; Juniper; Kingsway; Liberty; Maple; Mosaic; Navigator; Oceanic; Paragon; Quantum; Sunrise; Trident;
Unity; Victoria; Waterfront; Windmill; Alder; Bayview; Copperfield; Driftwood
`);

export const INDUSTRY_WORDS = lines(`
Logistics; Shipping; Trading; Electronics; Textiles; Foods; Pharma; Construction; Engineering; Mining; Energy;
Consulting; Software; Analytics; Marine; Freight; Metals; Chemicals; Agro; Capital; Investments; Holdings; Medical;
Dental; Furniture; Auto Parts; Packaging; Printing; Security; Travel; Hospitality; Real Estate; Fisheries; Seafood;
Garments; Steel; Plastics; Paper; Glass; Timber; Machinery; Telecom; Solar; Cosmetics; Apparel; Dairy; Bakery;
Ceramics; Tools; Aviation
`);

export const LEGAL_FORMS_LATIN = lines(`
Ltd; LLC; Inc.; GmbH; S.A.; PLC; Pte Ltd; Co., Ltd.; Corporation; B.V.; S.r.l.; AG; JSC; LLP; Limited; Company; Corp.
`);

/** Russian company stems (Cyrillic), the naming style of Russian SMEs; joined with an industry stem or standing alone. */
export const RUSSIAN_COMPANY_STEMS = words(`
Авангард Восток Сибирь Урал Балтика Нева Волга Кристалл Прогресс Рассвет Заря Альянс Вектор Гарант Эталон Меридиан
Импульс Монолит Орион Партнёр Ресурс Сфера Триумф Успех Форвард Гранит Кедр Магистраль Омега Альфа Бриз Вертикаль
Горизонт Дельта Зенит Лидер Маяк Олимп Полюс Регион Стандарт Титан Феникс Эксперт Юнион Байкал Амур Енисей Двина Кама
Ладога Онега Печора Приморье Таймыр Алтай Кубань Дон Ока Тверца Северный Южный Западный Центральный Дальний
`);

export const RUSSIAN_INDUSTRY_STEMS = words(`
Строй Транс Нефть Газ Агро Мед Инвест Сервис Торг Лес Снаб Проект Монтаж Энерго Тех Пром Металл Хим Логистик
Фарм Авто Строймаш Электро Сталь Трейд Консалт Групп Систем Профи Маркет
`);

export const RUSSIAN_LEGAL_FORMS = [
  { cyrillic: 'ООО', latin: ['OOO', 'LLC', 'OOO', 'Limited Liability Company'] },
  { cyrillic: 'АО', latin: ['AO', 'JSC'] },
  { cyrillic: 'ЗАО', latin: ['ZAO', 'CJSC'] },
  { cyrillic: 'ПАО', latin: ['PAO', 'PJSC'] },
  { cyrillic: 'ОАО', latin: ['OAO', 'OJSC'] },
  { cyrillic: 'ИП', latin: ['IP'] },
];

/** Korean company stems (romanized, DPRK and ROK styles) and Chinese ones (pinyin, place + word). */
export const KOREAN_COMPANY_STEMS = words(`
Hanil Samil Daehan Sinhung Sungri Kumgang Chollima Hwasong Unha Paektusan Moranbong Haedang Sonbong Rajin Hanbit
Saebyol Mirae Haenim Hanul Pyolbit Chongsong Kaeson Ryugyong Tongil Undok Hyopdong Sinui Kyongsong Manpo Sariwon
Hyesan Kilju Hamhung Taegam Poseung Dongbu Seohae Namyang Jinheung Hanyang Kumho Samhwa Daerim Sejin
`);

export const KOREAN_COMPANY_WORDS = lines(`
Trading Corporation; Trading Co.; General Trading Company; Shipping Co., Ltd.; Industrial Co.; Machinery Company;
Construction Corporation; Foods Co., Ltd.; Textile Company; Logistics Co., Ltd.; Electronics Co., Ltd.; Fisheries Company
`);

export const CHINESE_COMPANY_PLACES = words(`
Shenzhen Guangzhou Shanghai Beijing Tianjin Dalian Qingdao Ningbo Xiamen Hangzhou Suzhou Wuhan Chengdu Chongqing
Shenyang Harbin Changchun Jilin Yanji Dandong Hunchun Nanjing Fuzhou Kunming Zhengzhou Jinan
`);

export const CHINESE_COMPANY_WORDS = words(`
Huaxing Jinlong Hengtai Xinda Zhongda Tianyuan Hongyuan Dongfang Fengyuan Jiahe Kaida Ruifeng Shengda Taifeng Wanjia
Xinhua Yongsheng Zhongxin Baoli Dingsheng Fuxing Guangda Hualian Jinhai Longteng Minghui Rongsheng Tianli Xinyuan
`);
