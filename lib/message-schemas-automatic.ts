/**
 * The answer to `entity/automatic`: one entity's automatic contrasts and stance strip as the
 * device computed them from every document that mentions it (lib/storage/automatic-contrasts.ts),
 * with the documents they quote labelled as cards label them. The popup's entity view shows
 * these in place of the bundled knowledge base's. Checked like every other answer.
 */
import * as v from 'valibot';
import { PHRASE_KINDS } from './accounts/phrase';
import { packAutoContrastSchema } from './corpus/pack';
import { docId, passageId } from './message-schemas';

const label = v.pipe(v.string(), v.maxLength(500));
const quote = v.pipe(v.string(), v.maxLength(20_000));

const stanceMarkSchema = v.strictObject({
  doc: docId,
  perspective: v.nullable(label),
  stance: v.pipe(v.number(), v.minValue(-1), v.maxValue(1)),
  quote,
  passage: passageId,
  characterisation: v.optional(v.strictObject({ kind: v.picklist(PHRASE_KINDS), text: quote })),
});

export const entityAutomaticSchema = v.nullable(
  v.strictObject({
    contrasts: v.pipe(v.array(packAutoContrastSchema), v.maxLength(100)),
    strip: v.pipe(v.array(stanceMarkSchema), v.maxLength(10_000)),
    documents: v.pipe(v.array(v.strictObject({ id: docId, title: label, outlet: label, perspective: label })), v.maxLength(10_000)),
    perspectives: v.pipe(v.array(v.strictObject({ id: label, label, description: v.pipe(v.string(), v.maxLength(5_000)) })), v.maxLength(1_000)),
  }),
);
export type EntityAutomatic = NonNullable<v.InferOutput<typeof entityAutomaticSchema>>;
