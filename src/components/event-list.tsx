// The list view: the filtered events in time order, a page at a time, each row a button that selects its event.
// Arrow keys move between rows; the details panel and the timeline follow the same selection. On a narrow screen the
// details open under the chosen row, so they are read where the event was chosen and the list goes on after them.
import { Fragment, useDeferredValue, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TimelineEvent } from '../domain/dataset.ts';
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData } from '../store/selectors.ts';
import { revealAlignment } from './details-placement.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { EventDetails } from './event-details.tsx';
import { HighlightedText } from './highlighted-text.tsx';
import { useDetailsPlacement } from './use-details-placement.ts';

export const LIST_PAGE_SIZE = 200;

export interface EventListProps {
  /** The filtered events, oldest first. */
  readonly events: readonly TimelineEvent[];
}

export function EventList({ events }: EventListProps) {
  const data = useAppStore(selectData);
  const query = useDeferredValue(useAppStore((state) => state.query));
  const selectedId = useAppStore((state) => state.selectedEventId);
  const actions = useAppActions();
  const [limit, setLimit] = useState(LIST_PAGE_SIZE);
  const listRef = useRef<HTMLOListElement>(null);
  const selectedRowRef = useRef<HTMLLIElement>(null);
  const detailsInList = useDetailsPlacement() === 'list';

  const selectedPosition = selectedId ? events.findIndex((event) => event.id === selectedId) : -1;
  // The selected event is always on the page, even when it was chosen on the timeline far down the list.
  const shown = Math.min(events.length, Math.max(limit, selectedPosition + 1));

  // Opening the list brings the selected row into view.
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  // Details under a row: the row and its details come into view together (a row above may just have closed its own).
  useEffect(() => {
    const row = selectedRowRef.current;
    if (!detailsInList || !row) return;
    const { top, bottom } = row.getBoundingClientRect();
    const block = revealAlignment(top, bottom, window.innerHeight);
    if (block) row.scrollIntoView?.({ block });
  }, [detailsInList, selectedId]);

  if (!data) return null;
  const { index } = data;

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    // Keys are the rows' own: within the details under a row, the details handle them.
    if (!(event.target instanceof HTMLButtonElement) || !event.target.matches('[data-event-row]')) return;
    if (event.key === 'Escape' && selectedId) {
      event.preventDefault();
      actions.selectEvent(undefined);
      return;
    }
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.event-row__title') ?? [])];
    const next = buttons[buttons.indexOf(event.target) + step];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <section className="event-list" aria-label="Event list">
      <p id="event-list-keys" className="visually-hidden">
        Enter selects an event and opens its details, Escape closes them; Up and Down arrows move between events.
      </p>
      <ol ref={listRef} className="event-list__rows" onKeyDown={onKeyDown}>
        {events.slice(0, shown).map((event) => {
          const { record } = event;
          const selected = event.id === selectedId;
          const actorNames = record.actors.map((actorId) => index.actorsById.get(actorId)?.name ?? actorId);
          return (
            <li key={event.id} ref={selected ? selectedRowRef : undefined} className={selected ? 'event-row event-row--selected' : 'event-row'}>
              <p className="event-row__date">{event.dateLabel}</p>
              <button
                type="button"
                className="event-row__title"
                data-event-row={event.id}
                aria-current={selected ? 'true' : undefined}
                aria-describedby="event-list-keys"
                onClick={() => actions.selectEvent(event.id)}
              >
                <HighlightedText text={record.title} query={query} />
              </button>
              <p className="event-row__meta">
                <bdi>{index.countriesById.get(record.country)?.name ?? record.country}</bdi>
                {' · '}
                <bdi>{index.typesById.get(record.type)?.label ?? record.type}</bdi>
                {record.context ? ' · context' : ''}
              </p>
              {actorNames.length ? (
                <p className="event-row__actors">
                  {actorNames.map((name, position) => (
                    <Fragment key={position}>
                      {position ? ', ' : ''}
                      <bdi>
                        <HighlightedText text={name} query={query} />
                      </bdi>
                    </Fragment>
                  ))}
                </p>
              ) : null}
              {query.trim() && record.summary ? (
                <p className="event-row__summary">
                  <HighlightedText text={record.summary} query={query} />
                </p>
              ) : null}
              {selected && detailsInList ? (
                <div className="event-row__details">
                  <ErrorBoundary label="The event details" resetKey={data}>
                    <EventDetails placement="list" />
                  </ErrorBoundary>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {shown < events.length ? (
        <div className="event-list__more">
          <p>
            Showing {shown} of {events.length} events.
          </p>
          <button type="button" className="button" onClick={() => setLimit(shown + LIST_PAGE_SIZE)}>
            Show more
          </button>
        </div>
      ) : null}
    </section>
  );
}
