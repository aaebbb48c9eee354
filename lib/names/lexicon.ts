/**
 * The words name learning reads names by: particles that sit inside names, titles and
 * honorifics (stripped from a name, kept as a cue that it is a person), the head words that make
 * a name an organisation or a place, and the capitalised words that are not names (months,
 * days, demonyms, words that open sentences). English-language news about the Middle East is
 * the target; every list is lower case. DOM-free.
 */

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Lower-case words that belong inside a person's or place's name: Nuri al-Maliki, Osama bin Laden, Ludwig van Beethoven. */
export const NAME_PARTICLES = words('al el bin ibn bint abu abd abdul de da di del della van von der den du la le ul ben bani ould');

/** The Arabic article as written before a name: al-, el-, and the assimilated forms an-, ad-, as-... */
export const ARTICLE = /^(?:al|el|an|ad|as|ar|az|at|ash|adh|ath|ad|ul)[-‐]/i;

/**
 * Words that join the parts of an organisation's or place's name ("Council of Representatives",
 * "Islamic State of Iraq and the Levant", "Global Coalition to Defeat ISIS") but that, between
 * two names, separate them ("Iraq and Syria"): they are kept only after a head word.
 */
export const CONNECTORS = words('of and the for to on against');

/**
 * Titles and honorifics before a person's name, longest first when matched. Each is stripped
 * from the name and tells that it is a person's. Lower case, abbreviations without their stop.
 */
export const PERSON_TITLES: readonly string[] = [
  'deputy secretary of state', 'secretary of state', 'deputy secretary', 'assistant secretary', 'under secretary', 'undersecretary', 'secretary', 'secretary of defense', 'secretary general', 'secretary-general',
  'vice president', 'prime minister', 'deputy prime minister', 'foreign minister', 'defense minister', 'defence minister',
  'interior minister', 'oil minister', 'finance minister', 'defense secretary', 'defence secretary', 'foreign secretary',
  'treasury secretary', 'press secretary', 'elder member', 'minister', 'president', 'former president', 'parliament speaker',
  'speaker', 'supreme leader', 'grand ayatollah', 'ayatollah', 'hojatoleslam', 'sheikh', 'shaikh', 'sheik', 'sayyed',
  'sayyid', 'seyyed', 'sayed', 'seyed', 'mullah', 'imam', 'haj', 'hajj', 'haji', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof',
  'professor', 'gen', 'general', 'brig', 'brigadier', 'brigadier general', 'brig. gen', 'maj. gen', 'major general',
  'lt. gen', 'lieutenant general', 'lt', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'admiral',
  'commander', 'field marshal', 'marshal', 'sgt', 'sergeant', 'ambassador', 'envoy', 'special envoy',
  'special representative', 'special representative for iran', 'senator', 'sen', 'rep', 'representative',
  'congressman', 'congresswoman', 'gov', 'governor', 'mayor', 'judge', 'chief justice', 'king', 'queen',
  'prince', 'crown prince', 'princess', 'emir', 'amir', 'sultan', 'sheikha', 'pope', 'cardinal', 'bishop', 'archbishop',
  'rabbi', 'patriarch', 'cleric', 'chairman', 'chairwoman', 'spokesman', 'spokeswoman', 'spokesperson', 'director',
  'director general', 'chief', 'chief of staff', 'national security adviser', 'national security advisor',
  'security adviser', 'security advisor', 'adviser', 'advisor', 'deputy foreign minister', 'deputy minister', 'lord', 'lady', 'sir', 'dame', 'premier', 'chancellor', 'mp', 'pm',
].sort((a, b) => b.length - a.length);

/** Title abbreviations written with a stop ("Gen.", "Mr."). */
export const ABBREVIATED_TITLES = words('mr mrs ms dr prof gen brig maj lt col capt sgt sen rep gov');

/**
 * Nouns that say what a person is when they stand next to a name, in lower case as they do in
 * running text ("Iraq's former president, Jalal Talabani"; "X, the leader of Y"): the
 * appositive cue and the core of a defining phrase.
 */
export const ROLE_NOUNS = words(
  'leader president minister premier prime commander chief head director founder member spokesman spokeswoman ' +
    'spokesperson envoy representative secretary ambassador general cleric ayatollah imam sheikh official officer ' +
    'adviser advisor aide deputy chairman chairwoman speaker governor mayor senator lawmaker legislator politician ' +
    'diplomat negotiator journalist editor analyst writer author professor scholar activist militant fighter ' +
    'mercenary mercenaries successor predecessor son daughter brother sister father mother wife husband nephew ' +
    'king prince emir monarch ruler dictator strongman architect mastermind figure candidate chancellor judge ' +
    'prosecutor lawyer businessman tycoon banker executive ceo colonel captain major lieutenant brigadier marshal ' +
    'admiral sergeant soldier officer commissioner coordinator administrator director-general secretary-general',
);

/** Capitalised head words that make a name an organisation's: Dawa Party, Kataib Hezbollah Brigades... */
export const ORGANIZATION_HEADS = words(
  'party brigades brigade battalion battalions ministry council alliance movement forces force front agency ' +
    'university corps guards guard units unit organization organisation army militia militias committee ' +
    'commission assembly union coalition department service services bank company corporation corp inc ltd group ' +
    'institute center centre foundation association federation league news press times post telegraph herald ' +
    'tribune journal daily gazette network tv radio channel office court parliament government regime authority ' +
    'administration bureau board navy mobilization mobilisation nations congress senate cabinet directorate ' +
    'secretariat fund company commission society trust academy college school hospital club bloc list current state ' +
    'faction establishment organisation agencies ministries courts forum caucus mission program programme ' +
    'initiative observatory',
);

/** Transliterated Arabic and Persian heads that open an organisation's name: Harakat al-Nujaba, Kataib Hezbollah, Asaib Ahl al-Haq. */
export const LEADING_ORGANIZATION_HEADS = words(
  'harakat haraka kataib kataeb katai\'b kata\'ib asaib asaeb asa\'ib saraya hizb hezb jaysh jaish tayyar jabhat jebhat munazzamat liwa ' +
    'firqat hashd majlis sepah sazman jamaat jamiat ittihad tahaluf itilaf ansar',
);

/** Capitalised head words that make a name a place's: Basra Province, Camp Taji, Tahrir Square... */
export const PLACE_HEADS = words(
  'province governorate city district region gulf sea river mountains mountain airport base airbase camp square ' +
    'street road bridge strait island islands valley desert heights peninsula embassy port lake canal mount border ' +
    'crossing zone county kurdistan azerbaijan baluchistan balochistan oasis plain plains coast bay east west north south',
);

/**
 * Regions that span countries, named with a place head's force but names themselves: a demonym
 * before one says which ("Iraqi Kurdistan", "Iranian Azerbaijan"), and alone or with "Region"
 * it is no category word ("Kurdistan Region" is a name, "the Region" is not).
 */
export const REGION_NAMES = words('kurdistan azerbaijan baluchistan balochistan');

/**
 * Place heads that come first ("Camp Taji", "Mount Sinjar", "Lake Urmia"), Arabic ones too:
 * a spring, a cape, a valley, a mountain ("Ain al-Asad", "Ras al-Ain", "Wadi Hauran").
 */
export const LEADING_PLACE_HEADS = words('camp mount lake port ain ras wadi jabal jebel');

/** Last words of a law's or a pact's name ("Anti-Terrorism Law", "Strategic Framework Agreement"): not a person, body or place. */
export const DOCUMENT_HEADS = words('law act agreement treaty accord resolution');

/** Lower-case words after a name that make it an organisation's: "Kayhan newspaper", "Jahan-e Sanat daily". */
export const ORGANIZATION_AFTER = words(
  'newspaper daily weekly magazine agency party militia group movement network channel website broadcaster ' +
    'organization organisation faction bloc alliance coalition brigade brigades television tv radio outlet ' +
    'news paper company firm bank ministry council',
);

/** Lower-case words after a name that make it a place's: "Anbar province", "Baghdad airport". */
export const PLACE_AFTER = words(
  'province city governorate district region town village airport base border neighborhood neighbourhood area ' +
    'camp airbase port desert valley',
);

/** Lower-case nouns before "of X" that make X a place: "the city of Basra", "the province of Anbar". */
export const PLACE_OF = words('city province town village governorate district region capital outskirts suburb');

/**
 * Lower-case words joined to a name by a hyphen that say something about it rather than being
 * part of it: "Iranian-backed", "Hezbollah-linked", "pro-Iranian", "anti-US", "IRGC-affiliated".
 */
export const HYPHEN_AFFIXES = words(
  'pro anti non backed linked affiliated aligned allied based led run owned controlled funded supported ' +
    'sponsored inspired style era born made friendly leaning held dominated oriented related born bound ' +
    'centric wide',
);

/** Affixes that say the name before them is something that backs or leads: an organisation or a state. */
export const BACKER_AFFIXES = words('backed linked affiliated aligned allied led run owned controlled funded supported sponsored');

export const MONTHS = words('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');

export const DAYS = words('monday tuesday wednesday thursday friday saturday sunday');

/**
 * Adjectives and group names written with a capital that are not names of a thing a reader
 * looks up (besides the countries' demonyms from the place list): religion, sect, ethnicity,
 * direction.
 */
export const EXTRA_DEMONYMS = words(
  'shiite shiites shia shias shii shiism sunni sunnis sunnism kurdish kurd kurds arab arabs arabic persian persians ' +
    'farsi muslim muslims christian christians jewish jew jews western westerners westerner eastern european ' +
    'europeans islamist islamists baathist baathists yazidi yazidis turkmen assyrian assyrians zionist ' +
    'zionists israelis palestinians iraqis iranians americans syrians lebanese saudis emiratis turks afghans ' +
    'yemenis qataris kuwaitis jordanians egyptians british brits gulf levantine pan-arab sufi salafi salafist ' +
    'salafists wahhabi jihadi jihadist jihadists takfiri takfiris',
);

/**
 * Capitalised words that open sentences or quotes, or fill headlines, and never start a name;
 * a one-word capitalised candidate that is only ever seen at a sentence's start needs
 * confirmation elsewhere anyway, this list only saves multi-word candidates from keeping it.
 */
export const NOT_NAME_WORDS = words(
  'the a an this these that those it its he his she her they their them we our us i you your in on at but and or as ' +
    'if when while although though however according after before since for from with of to by also moreover ' +
    'meanwhile earlier later finally regardless naturally particularly unsurprisingly what which who whom whose how ' +
    'why where there here some several many most much more not nearly far recent days following despite because so ' +
    'yet then thus still even only just both each every all any no one two three four five first second third last ' +
    'next new now today yesterday tomorrow tonight once instead indeed perhaps maybe under over between among ' +
    'amid against during without within into onto upon about above below is are was were be been has have had do ' +
    'does did will would can could should may might must shall said says say says told asked added noted ' +
    'several such other another same own whether either neither nor my me mine let lets please thanks thank yes ' +
    'read watch listen live update updated breaking exclusive opinion analysis editorial comment report reports ' +
    'photo video image source sources via related latest top home news world politics business sport sports ' +
    'share tweet email print subscribe sign log advertisement six seven eight nine ten eleven twelve fourteen fifteen ' +
    'twenty thirty hundred hundreds thousand thousands dozens millions mps lawmakers parliamentary presidential ' +
    'acting caretaker outgoing incumbent interim elder late former',
);

/** Possessive words that stay inside a name ("People's Resistance Forces", "Workers' Party"). */
export const POSSESSIVE_IN_NAMES = words('people peoples women workers martyrs children veterans students farmers nation nations');

/** Relative and copular words that open a defining clause after a name: "X, who ...", "X is ...". */
export const DEFINING_VERBS = words('is was has been became remains served serves');
