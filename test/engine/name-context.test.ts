// Disambiguation on real-world text: longer names win, names inside other names are someone
// else's, off-topic pages get nothing, acronyms in shouted headlines are words.
import { spotText } from '../../lib/engine/evidence';
import { readMatcher } from '../../scripts/spot';

const matcher = await readMatcher();
const spotted = (text: string) => spotText(matcher, text).map((m) => `${text.slice(m.start, m.end)}=${matcher.entities[m.entity]!.id}`);
const ON_TOPIC = 'Qasem Soleimani and Mustafa al-Kadhimi met in Baghdad. ';

describe('longer names win and block their parts', () => {
  test.each([
    ['Kataib Hezbollah fired rockets.', 'Hezbollah'],
    ["Kata'ib Hizbullah denied it.", 'Hizbullah'],
    ['Abu Mahdi al-Muhandis was killed too.', 'Mahdi'],
    ['Pilgrims filled al-Kadhimiya and the Kadhimiya shrine.', 'Kadhimi'],
    ['Students at Al-Quds University protested.', 'Quds'],
    ['Afghan President Ashraf Ghani spoke.', 'Ghani'],
  ])('%s', (text, part) => {
    const page = ON_TOPIC + text;
    const after = spotText(matcher, page).filter((m) => m.start >= ON_TOPIC.length);
    expect(after.map((m) => page.slice(m.start, m.end)).filter((t) => t.includes(part))).toEqual([]);
  });

  test('while the organisation itself is still found', () => {
    expect(spotted(ON_TOPIC + 'Lebanese Hezbollah sent advisers.')).toContain('Lebanese Hezbollah=hezbollah');
  });
});

describe('a short name inside another name is someone else', () => {
  test('Kayhan Kalhor, Hale Murat, Quds Road', () => {
    const text = ON_TOPIC + 'The concert by Kayhan Kalhor was photographed by Hale Murat near Quds Road.';
    expect(spotted(text).filter((s) => /Kayhan|Hale|Quds/.test(s))).toEqual([]);
  });

  test('titles and sentence words around a name do not count', () => {
    const text = ON_TOPIC + 'The daily Kayhan wrote that the PMU would not disarm. When Kayhan called, Hale answered.';
    expect(spotted(text)).toEqual(expect.arrayContaining(['Kayhan=kayhan', 'PMU=popular-mobilization-units']));
  });

  test('the last word of a sentence is not the first half of the name that starts the next', () => {
    expect(spotted(ON_TOPIC + 'The meeting ended on Monday. Hale said it went well.')).toContain('Hale=david-hale');
    expect(spotted(ON_TOPIC + 'The photographs were by Hale Murat.').filter((s) => s.startsWith('Hale'))).toEqual([]);
  });

  test('an acronym that is a little word, in a line of capitals, is the word', () => {
    expect(spotted(ON_TOPIC + 'WATCH: IS IRAQ READY?')).not.toContain('IS=isis');
    expect(spotted(ON_TOPIC + 'Troops still fight IS remnants.')).toContain('IS=isis');
    expect(spotted(ON_TOPIC + 'KADHIMI MEETS US ENVOY')).toContain('US=united-states');
  });

  test('an acronym between capitalised words is still itself, dotted or not', () => {
    expect(spotted(ON_TOPIC + 'Iran Fires Missiles At Two U.S. Bases In Iraq')).toContain('U.S.=united-states');
    expect(spotted(ON_TOPIC + 'The PMU Chairman spoke.')).toContain('PMU=popular-mobilization-units');
  });
});

describe('off-topic pages', () => {
  test('a full name that is another person, with no corpus context, is not spotted', () => {
    expect(spotted('LITTLE ROCK — David Hale, a former municipal judge, testified in the U.S. District Court. Mr. Hale pleaded guilty.')).toEqual([]);
  });

  test('topic words put a page on topic: an ambiguous name counts with them, not without', () => {
    expect(spotted('Shiite militias and Iraqi officials met Iranian envoys; the PMU said nothing.')).toContain('PMU=popular-mobilization-units');
    expect(spotted('The PMU board regulates the 5 V rail; the PMU said nothing.')).toEqual([]);
    // Topic words are evidence only, never marked themselves.
    expect(spotted(ON_TOPIC + 'Iraqi militias')).toEqual(['Qasem Soleimani=qasem-soleimani', 'Mustafa al-Kadhimi=mustafa-al-kadhimi', 'Baghdad=baghdad']);
  });

  test('the same name on an on-topic page is', () => {
    expect(spotted(ON_TOPIC + 'David Hale led the US delegation.')).toContain('David Hale=david-hale');
  });
});

describe('a possessive after "x of Y" is Y’s', () => {
  test('"the government of Iraq’s new prime minister" is Iraq’s prime minister', () => {
    const out = spotted(ON_TOPIC + 'The raid was a first sign from the government of Iraq’s new prime minister.');
    expect(out).toContain('Iraq=iraq');
    expect(out.filter((m) => m.endsWith('=iraqi-government'))).toEqual([]);
  });

  test('written as the institution’s own name, or with no possessive, it stays the institution', () => {
    expect(spotted(ON_TOPIC + "The Government of Iraq's decision was final.")).toContain('Government of Iraq=iraqi-government');
    expect(spotted(ON_TOPIC + 'It was a decision of the government of Iraq.')).toContain('government of Iraq=iraqi-government');
  });
});
