// The card's automatic contrasts: each position says what it is toward the entity — or, in a
// contrast of whom documents blame, whom it blames, since its stance may be toward someone else.
import { automaticCardItems } from '../../lib/card-automatic';
import type { AutoContrast } from '../../lib/contrasts/types';
import type { KbEntity, VerifiedQuote } from '../../lib/kb/types';
import type { CardAccount } from '../../lib/message-schemas';
import { fixtureKb } from '../background/fixture-kb';

const isis = fixtureKb.entities.find((e) => e.id === 'isis')!;
const quoted = (q: VerifiedQuote): CardAccount => ({
  doc: q.doc,
  title: q.doc,
  outlet: q.doc,
  perspective: { id: q.perspective, label: q.perspective },
  quote: q.quote,
  passage: q.passage,
  readerUrl: `reader.html#${q.passage}`,
});
const withContrast = (c: AutoContrast): KbEntity => ({ ...isis, automaticContrasts: [c] });

test('a position of a contrast of whom documents blame says whom it blames, not a stance toward someone it is not about', () => {
  const blame: AutoContrast = {
    id: 'auto-contrast:isis:a+b',
    origin: 'automatic',
    entity: 'isis',
    topic: 'Who is behind the violence: ISIS or Iran-backed militias?',
    strength: 0.8,
    positions: [
      { doc: 'a', perspective: 'iranian-state', passage: 'a:1:0', quote: 'Terrorist acts directed by ISIS.', stance: -0.4, blames: { entity: 'isis', name: 'ISIS' } },
      { doc: 'b', perspective: 'israeli', passage: 'b:1:0', quote: 'Attacks carried out by pro-Iranian militias.', stance: -0.3, blames: { entity: 'iran-backed-militias', name: 'Iran-backed militias' } },
    ],
  };
  const [card] = automaticCardItems(withContrast(blame), [], quoted).contrasts;
  expect(card?.positions.map((p) => p.stance)).toEqual(['Blames ISIS', 'Blames Iran-backed militias']);
  // Any other automatic contrast still says its class toward the entity.
  const plain: AutoContrast = { ...blame, positions: [{ ...blame.positions[0], blames: undefined }, { ...blame.positions[1], stance: 0.5, blames: undefined }] };
  expect(automaticCardItems(withContrast(plain), [], quoted).contrasts[0]?.positions.map((p) => p.stance)).toEqual(['Negative account', 'Positive account']);
});
