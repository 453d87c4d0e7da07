// Legend: each event type's colour, glyph and name (colour is never the only cue). Folded on phones.
import { typeSlots } from '../domain/timeline-items.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectData } from '../store/selectors.ts';
import { FoldButton, useFold } from './fold.tsx';
import { typeGlyph } from './type-style.ts';

export function TypeLegend() {
  const data = useAppStore(selectData);
  // Phones fold the key behind its button, so an event's details follow the timeline closely (see app.css).
  const fold = useFold();
  if (!data) return null;
  const slots = typeSlots(data.index);
  const used = new Set(data.index.events.map((event) => event.record.type));
  const types = data.index.dataset.types.filter((type) => used.has(type.id));
  return (
    <section className="legend" aria-labelledby="legend-heading" data-open={fold.open}>
      <h2 id="legend-heading" className="legend__heading">
        Event types
      </h2>
      <FoldButton fold={fold} className="legend__toggle">
        Event types
      </FoldButton>
      <ul id={fold.bodyId} className="legend__list">
        {types.map((type) => (
          <li key={type.id} className={`legend__item event--slot-${slots.get(type.id) ?? 0}`} title={type.description}>
            <span className="legend__swatch" aria-hidden="true">
              {typeGlyph(slots.get(type.id) ?? 0)}
            </span>
            {type.label}
          </li>
        ))}
        <li className="legend__item legend__item--key">
          <span className="legend__sample legend__sample--imprecise" aria-hidden="true" /> Known only to the month, season or year
        </li>
        <li className="legend__item legend__item--key">
          <span className="legend__sample legend__sample--context" aria-hidden="true" /> Context, outside the stories’ periods
        </li>
      </ul>
    </section>
  );
}
