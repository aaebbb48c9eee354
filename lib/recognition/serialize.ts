/**
 * data/fingerprints.json as `npm run corpus` writes it: one line per document, so a corpus
 * change shows as a readable diff of the documents it touched.
 */
import { buildFingerprints, type FingerprintSource } from './fingerprint';

export function serializeFingerprints(documents: readonly FingerprintSource[]): string {
  const { shingleWords, documents: docs } = buildFingerprints(documents);
  const lines = docs.map((d) => `    ${JSON.stringify(d)}`);
  return `{\n  "shingleWords": ${shingleWords},\n  "documents": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
