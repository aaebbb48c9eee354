/**
 * Whether a passage names a place only as where something happens: "US troops in Iraq",
 * "the withdrawal of US forces from Iraq". Such a passage is no account of the place: what it
 * says is about the troops, and setting its words against another outlet's account of Iraq
 * would contrast nothing. A place that acts, is described, or whose people speak ("Iraq needs
 * assistance", "Iraq is ill", "the Iraqi people") is an account. DOM-free.
 */
import type { Span } from './mentions';

/** Prepositions of place and motion; "of" is not one ("the sovereignty of Iraq" is about Iraq). */
const LOCATIVE = /(?:^|[^\p{L}\p{N}])(?:in|inside|across|throughout|within|around|into|from|at|near|outside|through)\s+(?:the\s+)?$/iu;

export function onlySetting(text: string, targets: readonly Span[]): boolean {
  return targets.length > 0 && targets.every((t) => LOCATIVE.test(text.slice(Math.max(0, t.start - 24), t.start)));
}
