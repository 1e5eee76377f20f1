/**
 * Common given names of the origins a DPRK/Russia screening sees most (Arabic and Muslim, Russian and Ukrainian,
 * Western), and common family names of a few origins (`KNOWN_FAMILY_NAMES`). Used for one thing only: two different
 * known names one letter apart (Khalil/Khalid, Yasir/Nasir, Salim/Salih, Jamal/Jamil, Yan/Yang) are two names, not
 * a typo of one another. The list never creates a match and never
 * names a listed person; it only withholds typo credit.
 */
const KNOWN_GIVEN_NAMES = `
muhammad mohammed mohamed mohammad muhammed mohamad ahmad ahmed ali omar umar osman uthman usman hassan hasan hussein
husain hussain husayn ibrahim ismail ishaq yaqub yusuf yousef youssef musa isa yahya zakaria zakariya sulaiman
suleiman sulayman dawud daud idris ilyas khalid khaled khalil walid waleed saleh salih salah salim salem saeed said
sayed sayyid nasser nasir naser yasir yasser yasin yassin tariq tarek faisal fahd fahad fawaz fares faris hamza
hamid hamed hamad hammad mahmoud mahmud mustafa mostafa murad mourad nabil nader nadir naim nizar qasim kassem
qassim rashid rachid rashed riyad riad ridwan sami samir sameer shakir sharif sherif talal tawfiq tawfik wael wasim
ziad ziyad zaid zayd zubair zuhair talha abbas abdallah abdullah adnan adil adel akram amin amine amir ammar anas anwar
arif ashraf asim ayman aziz badr bakr bashir bilal bassam basim ghazi habib hadi hafiz haidar haider haitham haroun
harun hashim hisham imad iyad jabir jaber jamal jamil jalal jihad kamal kamel karim kareem luqman mansour mansur
marwan majid majed malik mazen muadh mubarak munir naeem nour nuri omran rami ramzi raed rafiq rahim saad sabri
sadiq safwan samer shadi shafiq suhail suhayl taha tahir usama osama waheed wahid zakir zubayr ubayd ubaydah anis
ayoub ayyub daoud fadi fadel fadil fuad ghassan hakim hatem hatim hazem ihab issam jafar jawad kadhim kazim khaldun
maher mahir mamoun mohsen muhsin mounir muhannad mohannad mundhir nasr nawaf qais rabih radwan rajab ramadan sabah
sabir sadik sakr sufyan sultan thamer uday qusay wissam yazid younis yunus yunis zuhayr aisha fatima fatma khadija
maryam mariam zainab zaynab amina aminah layla leila huda hana nadia noura rania salma samira sara sarah yasmin
zahra asma dina ghada hiba iman lina lubna mona muna nada najla rasha reem sana suad
aleksandr alexander aleksei alexey anatoly andrei anton arkady arseny artem artur boris bogdan daniil denis dmitry
eduard evgeny fedor gennady georgy gleb grigory igor egor ilya ivan kirill konstantin leonid lev makar maksim maxim
matvey mikhail nikita nikolai oleg pavel petr roman ruslan semyon sergei stanislav stepan taras timur vadim
valentin valery vasily viktor vitaly vladimir vladislav vyacheslav yaroslav yuri zakhar oleksandr mykola mykhailo
serhiy andriy volodymyr vasyl petro bohdan dmytro alexandra alina alla anastasia anna antonina daria ekaterina elena
elizaveta evgenia galina inna irina kristina ksenia larisa lidia lyudmila margarita maria marina nadezhda natalia
nina oksana olga polina raisa svetlana tamara tatiana ulyana valentina valeria vera victoria yana yulia zoya
zinaida lyubov sofia
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel frank gregory raymond patrick jack dennis jerry peter
henry carl arthur walter harold albert hans pierre jean jacques michel louis francois giovanni giuseppe marco luca
carlos juan jose luis miguel pedro antonio manuel francisco javier mary patricia jennifer linda elizabeth barbara
susan jessica karen nancy lisa margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda
melissa deborah stephanie rebecca laura sharon cynthia kathleen amy angela sophie marie claire julia emma olivia
isabella lucia carmen ana
`;

/**
 * Common family names of short, syllabic or widespread origins, where one letter makes another family name as surely
 * as it makes another given name: Chinese surnames in pinyin and in the Cantonese and Wade–Giles spellings lists use
 * (Yan ≠ Yang, Cheng ≠ Chung, Chen ≠ Chan), and Turkish surnames (Kara ≠ Kaya). Same use, same limits as the given
 * names: the list only withholds typo credit.
 */
const KNOWN_FAMILY_NAMES = `
wang zhang chen yang huang zhao zhou xiao xiong liang song tang feng deng peng zeng tian dong yuan jiang ding
xue duan long meng qian qiao shao shen zheng zhong zhu zhuang kang wong chan cheng chung chang leung cheung
yeung kwok tung fung chow chou chiu chao kwan kwong hung hong tong teng heng hang keung liao miao yuen chin
ching chong cheong yan yin lin lam lau liu lei mak ngai tsang tsui tsai choi
yilmaz kaya kara demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan aslan dogan kilic cetin koc kurt ozkan
simsek polat ozcan korkmaz cakir erdogan yavuz acar aktas guler yalcin gunes bozkurt bulut keskin unal turan
isik kaplan avci sari tekin kose yuksel ates aksoy
`;

const KNOWN_NAMES: ReadonlySet<string> = new Set(`${KNOWN_GIVEN_NAMES} ${KNOWN_FAMILY_NAMES}`.split(/\s+/).filter((name) => name.length > 0));

/**
 * True when `text` (a normalized name part) is written exactly as a common given name or one of the family names
 * above. A misspelling that merely sounds like one (Marya for Maryam) is not known, so it keeps its typo credit.
 */
export function isKnownName(text: string): boolean {
  return KNOWN_NAMES.has(text);
}

/** Vowel letters that write one vowel sound in the romanizations lists use (Salim/Salem, Omar/Umar, Nadia/Nadya). */
const ONE_VOWEL_SPELLINGS: ReadonlySet<string> = new Set(['ae', 'ea', 'ei', 'ie', 'ou', 'uo', 'iy', 'yi', 'ey', 'ye']);

/**
 * Two spellings on one consonant skeleton write one name when the vowels they differ in are spellings of one vowel
 * (Muhammad/Mohammed, Salim/Salem, Khalid/Khaled) or a vowel letter more or less (Mahmud/Mahmoud, Fatima/Fatma);
 * another vowel outright makes another name (Jamal/Jamil, Hamid/Hamad, Cheng/Chung).
 */
export function sameVowelSpelling(a: string, b: string): boolean {
  if (a.length !== b.length) return true;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index];
    const y = b[index];
    if (x !== y && !ONE_VOWEL_SPELLINGS.has(`${x}${y}`)) return false;
  }
  return true;
}

/**
 * The consonants of a skeleton, repeats collapsed: spellings of one Arabic or Slavic name differ in their vowels
 * (Muhammad/Mohammed, Salim/Salem), different names in a consonant (Khalil/Khalid).
 */
export function consonantSkeleton(skeleton: string): string {
  return skeleton.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}
