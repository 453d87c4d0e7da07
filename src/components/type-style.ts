// Each event type has a colour slot and a glyph, so colour is never the only cue (the glyph and the legend's text say it too).
import { TYPE_SLOT_COUNT } from '../domain/timeline-items.ts';

const GLYPHS = ['●', '▲', '■', '◆', '★', '✚', '▼', '⬟', '✖', '◐', '⬢', '♦'] as const;

export function typeGlyph(slot: number): string {
  return GLYPHS[((slot % TYPE_SLOT_COUNT) + TYPE_SLOT_COUNT) % TYPE_SLOT_COUNT] ?? '●';
}
