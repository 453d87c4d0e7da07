// The Actor facet: a combobox with type-ahead over names and name variants, and the chosen actors as removable chips.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { searchActors } from '../domain/search.ts';
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData, selectFacetCounts, selectFacetOptions } from '../store/selectors.ts';
import { formatMatchCount } from './facet-checkboxes.tsx';

/** Everyone, for any dataset a class makes; a longer list is narrowed by typing. The list scrolls. */
const MAX_OPTIONS = 1000;

const optionIdOf = (baseId: string, position: number) => `${baseId}-option-${position}`;

export function ActorFilter() {
  const data = useAppStore(selectData);
  const { actors } = useAppStore(selectFacetOptions);
  const selectedIds = useAppStore((state) => state.actors);
  const counts = useAppStore(selectFacetCounts)?.actors;
  const actions = useAppActions();
  const [draft, setDraft] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const baseId = useId();
  const listboxId = `${baseId}-options`;
  const optionId = (position: number) => optionIdOf(baseId, position);
  const inputRef = useRef<HTMLInputElement>(null);

  // The active option stays in view as the arrow keys move through a list taller than its box.
  useEffect(() => {
    if (open) document.getElementById(optionIdOf(baseId, active))?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active, baseId]);

  if (!data || !actors.length) return null;
  const selectedSet = new Set(selectedIds);
  const options = open ? searchActors(actors.filter((actor) => !selectedSet.has(actor.id)), draft, MAX_OPTIONS) : [];
  const activePosition = Math.min(active, options.length - 1);
  const expanded = open && options.length > 0;

  // A removed chip leaves the page: focus goes to the next chip, else the one before, else the input.
  const removeChip = (event: MouseEvent<HTMLButtonElement>, actorId: string) => {
    const item = event.currentTarget.closest('li');
    const sibling = item?.nextElementSibling ?? item?.previousElementSibling;
    const next = sibling?.querySelector('button') ?? inputRef.current;
    next?.focus();
    actions.toggleFacetValue('actors', actorId);
  };

  const choose = (actorId: string) => {
    actions.toggleFacetValue('actors', actorId);
    setDraft('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        if (!open) setOpen(true);
        else setActive(Math.min(activePosition + 1, options.length - 1));
        break;
      case 'ArrowUp':
        if (open) setActive(Math.max(activePosition - 1, 0));
        break;
      case 'Enter': {
        const option = options[activePosition];
        if (!expanded || !option) return;
        choose(option.id);
        break;
      }
      case 'Escape':
        if (!open) return;
        setOpen(false);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="filter-field actor-filter">
      <label className="filter-field__label" htmlFor={`${baseId}-input`}>
        Actor
      </label>
      <input
        id={`${baseId}-input`}
        className="filter-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded ? optionId(activePosition) : undefined}
        aria-describedby={`${baseId}-hint`}
        ref={inputRef}
        value={draft}
        // A tap or click lists everyone too (a phone has no Down arrow).
        onClick={() => setOpen(true)}
        onChange={(event) => {
          setDraft(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <p id={`${baseId}-hint`} className="filter-field__hint">
        Type a name, or press Down arrow (or tap) to list everyone.
      </p>
      <ul id={listboxId} role="listbox" aria-label="Matching actors" className="actor-filter__options" hidden={!expanded}>
        {options.map((actor, position) => {
          const count = counts?.get(actor.id) ?? 0;
          return (
            <li
              key={actor.id}
              id={optionId(position)}
              role="option"
              aria-selected={position === activePosition}
              className={count === 0 ? 'actor-filter__option facet__value--empty' : 'actor-filter__option'}
              // Keep focus in the input, so the list stays open and the input keeps its place.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(actor.id)}
            >
              <span>{actor.name}</span>
              <span className="facet__count">
                <span aria-hidden="true">{count}</span>
                <span className="visually-hidden">, {formatMatchCount(count)}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {open && draft.trim() && !options.length ? (
        <p className="filter-field__hint" role="status">
          No actor matches “{draft.trim()}”.
        </p>
      ) : null}
      {selectedIds.length ? (
        <ul className="actor-filter__chips" aria-label="Selected actors">
          {selectedIds.map((actorId) => {
            const name = data.index.actorsById.get(actorId)?.name ?? actorId;
            return (
              <li key={actorId}>
                <button type="button" className="chip" onClick={(event) => removeChip(event, actorId)}>
                  <span className="visually-hidden">Remove </span>
                  {name}
                  <span className="chip__cross" aria-hidden="true">
                    ×
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
