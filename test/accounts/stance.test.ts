// Stance toward one entity: what a reader notices when a card sets accounts against each other —
// the sign must be the passage's treatment of that entity, not the sentence's mood.
import { findNames } from '../../lib/accounts/mentions';
import { passageStance } from '../../lib/accounts/stance';

/** Stance toward `name` in `text`, the other names given as names. */
function stance(text: string, name: string, others: string[] = [], person = false): number {
  return passageStance({ text, targets: findNames(text, [name]), others: others.flatMap((o) => findNames(text, [o])), person }).score;
}

const positive = (s: number) => s >= 0.15;
const negative = (s: number) => s <= -0.15;
const neutral = (s: number) => !positive(s) && !negative(s);

test('one sentence, two stances: the liberator is credited, the party driven out is not', () => {
  const text = 'The PMU liberated Mosul from ISIS.';
  expect(positive(stance(text, 'PMU', ['ISIS', 'Mosul']))).toBe(true);
  expect(negative(stance(text, 'ISIS', ['PMU', 'Mosul']))).toBe(true);
});

test('negation flips nothing into negative: a denied label or a plain negated fact is not a charge', () => {
  expect(negative(stance('The PMU is not a terrorist group.', 'PMU'))).toBe(false);
  expect(neutral(stance('The PMU did not meet the delegation on Monday.', 'PMU'))).toBe(true);
  // ...while denying something good still counts against it.
  expect(negative(stance('The PMU is not a legitimate force.', 'PMU'))).toBe(true);
  expect(negative(stance('The PMU is a terrorist group.', 'PMU'))).toBe(true);
});

test('the victim of an attack is not blamed for it; the attacker is', () => {
  const text = 'Bilateral ties were strained after the US airstrike that killed top Iranian General Qasem Soleimani on Iraqi soil.';
  expect(negative(stance(text, 'Qasem Soleimani', ['US']))).toBe(false);
  expect(negative(stance('Similar attacks have previously been carried out by pro-Iranian militias.', 'pro-Iranian militias'))).toBe(true);
  expect(negative(stance('Soleimani was killed by a US drone strike in January.', 'Soleimani', ['US'], true))).toBe(false);
});

test('the main clause decides over a concession, and a pronoun carries the name into it', () => {
  const text =
    'Although the PMU played a role in the fight against ISIS at the onset of the conflict, they have become a violent force in Iraq, contributing to the brutality against civilian protesters.';
  expect(negative(stance(text, 'PMU', ['ISIS', 'Iraq']))).toBe(true);
});

test('a role in securing the country is credit to everyone it names', () => {
  const text = 'The Americans had little chance, given the decisive role of the People’s Resistance Forces and the Popular Mobilization Units in securing the country.';
  expect(positive(stance(text, 'Popular Mobilization Units', ['People’s Resistance Forces']))).toBe(true);
  expect(positive(stance(text, 'People’s Resistance Forces', ['Popular Mobilization Units']))).toBe(true);
});

test('an accusation reported without distance counts against the accused', () => {
  expect(negative(stance('The militias were accused of corruption and looting.', 'militias'))).toBe(true);
});

test('what someone says is theirs, not said of them', () => {
  const text = 'Iraq’s new Prime Minister Mustafa al-Kadhimi says his country would never allow outsiders to use its territory for any act of aggression.';
  expect(neutral(stance(text, 'Mustafa al-Kadhimi', ['Iraq'], true))).toBe(true);
});

test('irony and scare quotes turn praise around', () => {
  expect(negative(stance('The United States invaded Iraq under the pretext of liberating the country.', 'United States', ['Iraq']))).toBe(true);
  expect(positive(stance('The militias call themselves “heroes” of the nation.', 'militias'))).toBe(false);
});

test('acting against an adversary is to the actor’s credit', () => {
  expect(positive(stance('Peshmerga fighters remain stalwart in their battle against terrorist elements.', 'Peshmerga fighters'))).toBe(true);
  expect(positive(stance('The coalition played a major role in defeating the terrorists.', 'coalition'))).toBe(true);
});

test('a name’s words are not evaluations: "Popular" in a name is not praise', () => {
  expect(neutral(stance('The Popular Mobilization Units held a meeting in Baghdad.', 'Popular Mobilization Units', ['Baghdad']))).toBe(true);
});

test('the evidence is explained: every cue is a word of the passage with its tie to the entity', () => {
  const text = 'The PMU have become a violent force in Iraq.';
  const read = passageStance({ text, targets: findNames(text, ['PMU']), others: findNames(text, ['Iraq']) });
  expect(read.cues.map((c) => [c.word, c.tie])).toEqual([['violent', 'phrase:copular']]);
  for (const c of read.cues) expect(text.slice(c.start, c.end)).toBe(c.word);
  expect(read.score).toBeGreaterThanOrEqual(-1);
  expect(read.score).toBeLessThan(0);
});

test('a name inside a relative clause or an apposition set off by commas is not what the sentence around it judges', () => {
  // regime-fears-talks, paragraph 23: the fear is the regime's, shown over the parameters agreed in the talks.
  const text =
    'All these parameters, which were agreed during the US-Iraq talks, have led the regime to show its fear and say, “Americans are lying and will not go out and will want to stretch.”';
  expect(neutral(stance(text, 'US-Iraq talks', ['Americans']))).toBe(true);
  // So is an apposition: Ghalibaf denounces the talks, not the corps he once commanded (dev account s106).
  const apposition = 'Iran’s new Parliament Speaker Mohammad Bagher Ghalibaf, former commander of the Islamic Revolutionary Guards Corps, publicly denounced the prospect of US-Iraq talks as “futile.”';
  expect(neutral(stance(apposition, 'Islamic Revolutionary Guards Corps', ['Mohammad Bagher Ghalibaf', 'US-Iraq talks']))).toBe(true);
  // ...while the relative clause right after a name is its own: it still characterises it.
  expect(positive(stance('Soleimani, who was a brave and selfless commander, died in January.', 'Soleimani', [], true))).toBe(true);
});

test('who did the violence is whom the passage blames; the one it was done to is not', () => {
  const blamed = (text: string, name: string, others: string[] = []) =>
    passageStance({ text, targets: findNames(text, [name]), others: others.flatMap((o) => findNames(text, [o])) }).blamed;
  expect(blamed('Similar attacks have previously been carried out by pro-Iranian militias.', 'pro-Iranian militias')).toBe(true);
  expect(blamed('The new terrorist acts that are directed by Takfiri terrorists are here to justify the US presence.', 'Takfiri terrorists', ['US'])).toBe(true);
  expect(blamed('Soleimani was killed by a US drone strike in January.', 'Soleimani', ['US'])).toBe(false);
  // Looting is a harm, not violence: the question "who is behind the violence" does not take it.
  expect(blamed('The wealth of the country was looted by the regime.', 'regime')).toBe(false);
});

test('taking ground back from an enemy is to the credit of who takes it', () => {
  const text = 'An Iraqi commander says the PMU have retaken around 14,000 kilometres of their country’s soil from the ISIS terrorists.';
  expect(positive(stance(text, 'PMU', ['ISIS']))).toBe(true);
});

test('mourning a death honours the one who died', () => {
  expect(positive(stance('The Iraqi Government declared a national day of mourning for the death of Iranian President Ebrahim Raisi.', 'Ebrahim Raisi', ['Iraqi Government'], true))).toBe(true);
});

test('quotation marks around a title quote it: the entity’s own honorific still honours it, a law’s name judges nobody', () => {
  expect(positive(stance('The channel announced the death of "martyr Sayyid Reda," a commander of the group.', 'Sayyid Reda', [], true))).toBe(true);
  expect(neutral(stance('Sponsors of the “Iranian Proxies Terrorist Sanctions Act” include Senators David Perdue, Ted Cruz and Marco Rubio.', 'Marco Rubio', [], true))).toBe(true);
  // A scare-quoted word is still distanced.
  expect(positive(stance('The “heroic” militias attacked the embassy.', 'militias'))).toBe(false);
});

test('what the entity owns being harmed is no credit to it', () => {
  expect(positive(stance('$1,000 billion of the wealth of the Iraqi people during this period has been looted, according to Iraqi officials.', 'Iraqi people'))).toBe(false);
});
