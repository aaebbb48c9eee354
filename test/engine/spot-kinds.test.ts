// The kinds of mention a page writes without the corpus's own names, spotted end to end by the
// shipped matcher under the page's evidence: an event by its date and head noun, an agreement by
// its formal name, organisations in Arabic and Persian script, and a spun or machine-translated
// name — each where the page is about the corpus, and none where it is not.
import { spotText } from '../../lib/engine/evidence';
import { readMatcher } from '../../scripts/spot';

const matcher = await readMatcher();
const spotted = (text: string) => spotText(matcher, text).map((m) => `${text.slice(m.start, m.end)}=${matcher.entities[m.entity]!.id}`);

describe('an event by its date and head noun', () => {
  test('in either order, on a page about Iraq', () => {
    const text = 'Shiite clerics in Baghdad recalled the October 2019 protests, and the uprising of October 2019 that toppled Adel Abdul Mahdi.';
    expect(spotted(text)).toEqual(expect.arrayContaining(['October 2019 protests=october-2019-protests', 'uprising of October 2019=october-2019-protests']));
  });

  test('not another country’s, nor on a page that is not about the corpus', () => {
    expect(spotted("Lebanon's October 2019 protests drew crowds in Beirut, as did the protests in Chile.")).toEqual([]);
    expect(spotted('The October 2019 protests in Santiago were the largest since the dictatorship.')).toEqual([]);
  });
});

describe('an agreement by its formal name', () => {
  test('with the page’s evidence, and not without it', () => {
    const text = 'In Baghdad, Mustafa al-Kadhimi defended the 2008 Strategic Framework Agreement with Washington.';
    expect(spotted(text)).toContain('2008 Strategic Framework Agreement=us-iraq-security-agreement-2008');
    expect(spotted('The Strategic Framework Agreement between the two universities was signed in 2008.')).toEqual([]);
  });
});

describe('organisations in Arabic and Persian script', () => {
  test('with the article or without it, after a proclitic', () => {
    expect(spotted('قال المتحدث باسم الحشد الشعبي في بغداد إن قوات الحشد والحرس الثوري الإيراني')).toEqual(
      expect.arrayContaining(['الحشد الشعبي=popular-mobilization-units', 'الحرس الثوري الإيراني=irgc']),
    );
    expect(spotted('فرمانده سپاه پاسداران انقلاب اسلامی و حشد شعبی در بغداد')).toEqual(
      expect.arrayContaining(['سپاه پاسداران انقلاب اسلامی=irgc', 'حشد شعبی=popular-mobilization-units']),
    );
  });
});

describe('a spun or machine-translated name', () => {
  test('with strong context only', () => {
    const text = "Mustafa al-Kadhimi met Popular Mobilization Committee leaders in Baghdad after Qasem Soleimani's killing by the Revolution Guard Corps.";
    expect(spotted(text)).toEqual(expect.arrayContaining(['Popular Mobilization Committee=popular-mobilization-units', 'Revolution Guard Corps=irgc']));
    expect(spotted('The Popular Mobilization Committee of the Springfield school board met on Tuesday.')).toEqual([]);
  });
});

describe('names the dev splits showed, and what only looks like them', () => {
  test('spellings and longer forms of listed names win over the names inside them', () => {
    const text =
      'Mustapha al-Kadhimi met the Islamic Revolutionary Guards in Baghdad; Ayatollah al-Sistani spoke in Najaf; ' +
      "Qassem Soleimani was killed at Baghdad's international airport; the US-led anti-ISIS coalition and the " +
      'Islamic Revolutionary Guard Corps Quds Force were named.';
    expect(spotted(text)).toEqual(
      expect.arrayContaining([
        'Mustapha al-Kadhimi=mustafa-al-kadhimi',
        'Islamic Revolutionary Guards=irgc',
        'Ayatollah al-Sistani=ali-al-sistani',
        "Baghdad's international airport=baghdad-airport",
        'US-led anti-ISIS coalition=global-coalition-against-isis',
        'Islamic Revolutionary Guard Corps Quds Force=quds-force',
      ]),
    );
    // Only the first "Baghdad" is the city; the second is inside the airport's name.
    expect(spotted(text).filter((m) => m === 'Baghdad=baghdad')).toHaveLength(1);
  });

  test('wire copy’s "Iranian Revolutionary Guard Corps-Quds Force" is one name, the Quds Force', () => {
    const text = 'In Baghdad, Qasem Soleimani, head of the Iranian Revolutionary Guard Corps-Quds Force, was killed.';
    const marks = spotted(text);
    expect(marks).toContain('Iranian Revolutionary Guard Corps-Quds Force=quds-force');
    expect(marks.filter((m) => m.endsWith('=irgc'))).toEqual([]);
  });

  test('"Washington, DC" is the city written whole, not "Washington" beside a stray "DC"', () => {
    const text = 'Mustafa al-Kadhimi flew from Baghdad to Washington, DC, to meet Mike Pompeo.';
    expect(spotted(text)).toContain('Washington, DC=washington');
    expect(spotted(text)).not.toContain('Washington=washington');
  });

  test('Kataeb Hezbollah is not Hezbollah, the Islamic Supreme Council of Iraq is not Iraq', () => {
    const text = 'In Baghdad, Kataeb Hezbollah and the Islamic Supreme Council of Iraq met Mustafa al-Kadhimi.';
    expect(spotted(text)).toEqual(['Baghdad=baghdad', 'Mustafa al-Kadhimi=mustafa-al-kadhimi']);
  });
});

describe('the international coalition by its noun', () => {
  test('on a page about Iraq, in Iraq or Syria, without its name', () => {
    const text =
      'Rockets hit Baghdad. Militias demanded the transfer of the bases of the international coalition to the Iraqi army. ' +
      'The international anti-terrorism coalition in Iraq still has 3,500 soldiers.';
    expect(spotted(text)).toEqual(
      expect.arrayContaining(['international coalition=global-coalition-against-isis', 'international anti-terrorism coalition=global-coalition-against-isis']),
    );
  });

  test('not on a page that is not about Iraq, nor in another country', () => {
    expect(spotted('The international coalition struck Houthi positions in Yemen.').filter((m) => m.includes('coalition'))).toEqual([]);
    expect(spotted('In Baghdad, officials discussed the international coalition in Yemen.').filter((m) => m.includes('coalition'))).toEqual([]);
  });
});

describe('parliament on a page that names Iraq’s prime minister, not Iraq', () => {
  test('is Iraq’s parliament', () => {
    const text = 'Adel Abdul Mahdi said he would submit his resignation to parliament, as Ayatollah Sistani had asked in Najaf.';
    expect(spotted(text)).toContain('parliament=iraqi-parliament');
  });

  test('but not on a page with no Iraqi name, nor where the page is about another parliament', () => {
    expect(spotted('The minister said he would submit his resignation to parliament.')).not.toContain('parliament=iraqi-parliament');
    const bahrain = "Bahrain's parliament met in Manama. Mustafa al-Kadhimi was not discussed. The parliament approved the budget.";
    expect(spotted(bahrain)).not.toContain('parliament=iraqi-parliament');
  });
});

describe('institution nouns in the sentences the third blind set showed', () => {
  test('parliament beside the US, or with Iran-backed members, is still Iraq’s', () => {
    const iraq = 'Iraq’s parliament met on Sunday in Baghdad.';
    expect(spotted(`${iraq} Militias are ready to fight should Washington refuse to comply with a parliament decision.`)).toContain('parliament=iraqi-parliament');
    expect(spotted(`${iraq} The resolution was carried by the Shiite majority in parliament, filled with Iran-backed MPs.`)).toContain('parliament=iraqi-parliament');
    // A sentence about Bahrain (its capital) is not Iraq's, the US beside it or not.
    expect(spotted(`${iraq} In Manama, parliament thanked Washington.`)).not.toContain('parliament=iraqi-parliament');
  });

  test('embassy as a modifier is the staff or the buildings, not the embassy', () => {
    const embassy = 'Rockets hit near the US Embassy in Baghdad.';
    expect(spotted(`${embassy} No embassy personnel were hurt.`)).not.toContain('embassy=us-embassy-baghdad');
    expect(spotted(`${embassy} The embassy said the compound was damaged.`)).toContain('embassy=us-embassy-baghdad');
  });

  test('coalition troops in Iraq, and the international coalition in a sentence about lawmakers', () => {
    expect(spotted('Iraqi militias attacked coalition bases in Iraq.')).toContain('coalition=global-coalition-against-isis');
    expect(spotted('In Baghdad the lawmakers said Iraq revokes its request for assistance from the international coalition.')).toContain(
      'international coalition=global-coalition-against-isis',
    );
  });

  test('"the hypocrites" on a page that names the MEK', () => {
    expect(spotted('Iran’s regime fears the MEK in Iraq. The hypocrites have always attempted to carry out their plots.')).toContain('hypocrites=mek');
    expect(spotted('The hypocrites have always attempted to carry out their plots.')).toEqual([]);
  });
});

describe('the anti-ISIS coalition by its bare noun', () => {
  const coalition = (text: string) => spotted(text).filter((m) => m.endsWith('=global-coalition-against-isis'));

  test('on a page about ISIS, or as the coalition’s spokesman and troops beside US troops', () => {
    expect(coalition('ISIS cells attacked Iraqi troops near Kirkuk. The attack is under investigation by the Coalition and Iraqi Security Forces.')).toEqual([
      'Coalition=global-coalition-against-isis',
    ]);
    expect(coalition('Rockets hit a base hosting US troops in Iraq, a coalition spokesman said.')).toEqual(['coalition=global-coalition-against-isis']);
    expect(coalition('Rockets hit Iraq. The latest rocket attacks on U.S. & coalition troops is the work of Iran.')).toEqual([
      'coalition=global-coalition-against-isis',
    ]);
    expect(coalition('US troops are stationed in Iraq, said a spokesman for the U.S.-led international military coalition.')).toEqual([
      'coalition=global-coalition-against-isis',
    ]);
  });

  test('in Arabic as قوات التحالف on a page about Iraq', () => {
    expect(coalition('مهمة الولايات المتحدة وقوات التحالف في العراق تحولت إلى مهمة تدريب.')).toEqual(['التحالف=global-coalition-against-isis']);
  });

  test('never an electoral or governing coalition, nor a coalition elsewhere', () => {
    expect(coalition('ISIS remains a threat in Iraq. The coalition won 73 seats in the elections.')).toEqual([]);
    expect(coalition('US troops left Kabul. A coalition spokesman said the Taliban had attacked.')).toEqual([]);
    expect(coalition('Germany’s coalition agreed on a budget. ISIS was not discussed.')).toEqual([]);
    expect(coalition('ISIS remains a threat in Iraq. وفاز التحالف بمقاعد في البرلمان.')).toEqual([]);
    // No ISIS, no US troops: a coalition is not the anti-ISIS one.
    expect(coalition('In Baghdad, the coalition met on Monday.')).toEqual([]);
  });
});
