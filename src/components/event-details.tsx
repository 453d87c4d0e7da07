// The details of the selected event: honest date, country, type, actors with their roles, summary and verbatim source.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { describeActorRole } from '../domain/actors.ts';
import { formatPartialDate, parsePartialDate } from '../domain/partial-date.ts';
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectData, selectSelectedEvent } from '../store/selectors.ts';
import { type DetailsPlacement, revealAlignment } from './details-placement.ts';
import { EventLink } from './share-controls.tsx';
import { TIMELINE_EVENTS_ID, focusEventOrigin } from './focus-targets.ts';
import { HighlightedText } from './highlighted-text.tsx';

/** Room kept above the timeline and below the details' heading when both are brought into view. */
const REVEAL_MARGIN_PX = 8;

export interface EventDetailsProps {
  /** 'list': under the chosen row of the list, which brings the two into view together (see event-list.tsx). */
  readonly placement?: DetailsPlacement;
}

export function EventDetails({ placement = 'panel' }: EventDetailsProps) {
  const event = useAppStore(selectSelectedEvent);
  const data = useAppStore(selectData);
  const actions = useAppActions();
  const actorFilter = useAppStore((state) => state.actors);
  const query = useAppStore((state) => state.query);
  const sectionRef = useRef<HTMLElement>(null);

  // A new selection is announced by moving nothing: focus stays where the user is (timeline or list). Where the
  // details sit below the timeline (a phone), the page scrolls to show all of them, or their top when they are taller
  // than the screen, not just their heading at the bottom edge; beside it (a wide screen), nothing moves. Under a row
  // of the list, the list scrolls the row and its details together. Stepping through events with the arrow keys in
  // the timeline, the timeline stays in view with the details' heading below it: the focus and the selected event
  // must not leave the screen at each key.
  useEffect(() => {
    const section = sectionRef.current;
    if (placement !== 'panel' || !section) return;
    const timeline = document.getElementById(TIMELINE_EVENTS_ID);
    const heading = section.querySelector('h2');
    if (timeline?.matches(':focus-visible') && heading) {
      const timelineBox = timeline.getBoundingClientRect();
      if (section.getBoundingClientRect().top >= timelineBox.bottom - 1) {
        const top = timelineBox.top - REVEAL_MARGIN_PX;
        const bottom = heading.getBoundingClientRect().bottom + REVEAL_MARGIN_PX;
        const block = revealAlignment(top, bottom, window.innerHeight);
        if (block === 'start') window.scrollBy?.({ top, behavior: 'instant' });
        else if (block === 'end') window.scrollBy?.({ top: bottom - window.innerHeight, behavior: 'instant' });
        return;
      }
    }
    section.scrollIntoView?.({ block: 'nearest' });
  }, [event, placement]);

  if (!event || !data) return null;
  const { record } = event;
  // Closed, the details leave the page: focus goes back to where the event was chosen (its row, or the timeline).
  const close = () => {
    actions.selectEvent(undefined);
    focusEventOrigin(event.id);
  };
  const onKeyDown = (keyEvent: KeyboardEvent<HTMLElement>) => {
    if (keyEvent.key !== 'Escape') return;
    keyEvent.preventDefault();
    close();
  };
  const { index } = data;
  const country = index.countriesById.get(record.country);
  const type = index.typesById.get(record.type);
  const source = record.source ? index.sourcesById.get(record.source.article) : undefined;
  const published = source?.published ? parsePartialDate(source.published) : undefined;
  const story = index.storiesById.get(record.story);

  return (
    <section
      ref={sectionRef}
      className={placement === 'list' ? 'event-details event-details--in-list' : 'event-details'}
      aria-label="Event details"
      onKeyDown={onKeyDown}
    >
      <div className="event-details__bar">
        <p className="event-details__kicker">Event details</p>
        <button type="button" className="button button--quiet" onClick={close}>
          Close details
        </button>
      </div>
      <h2 id="event-details-heading" tabIndex={-1}>
        <HighlightedText text={record.title} query={query} />
      </h2>
      <dl className="event-details__facts">
        <dt>Date</dt>
        <dd>
          {event.dateLabel}
          {record.approximate ? <span className="hint"> (approximate)</span> : null}
        </dd>
        <dt>Country</dt>
        <dd>{country?.name ?? record.country}</dd>
        <dt>Event type</dt>
        <dd>{type?.label ?? record.type}</dd>
        {story ? (
          <>
            <dt>Story</dt>
            <dd>
              {story.title}
              {record.context ? <span className="hint"> (context, outside the story’s period)</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <EventLink eventId={event.id} />
      {record.summary ? (
        <p className="event-details__summary">
          <HighlightedText text={record.summary} query={query} />
        </p>
      ) : null}
      {record.actors.length ? (
        <>
          <h3>Who was involved</h3>
          <ul className="event-details__actors">
            {record.actors.map((actorId) => {
              const actor = index.actorsById.get(actorId);
              if (!actor) return null;
              const role = describeActorRole(actor, event.start);
              return (
                <li key={actorId}>
                  <button
                    type="button"
                    className="link-button"
                    title={`Filter the timeline by ${actor.name}`}
                    aria-pressed={actorFilter.includes(actorId)}
                    onClick={() => actions.toggleFacetValue('actors', actorId)}
                  >
                    {actor.name}
                  </button>
                  {role ? <span className="event-details__role">, {role}</span> : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {record.source ? (
        <>
          <h3>Source</h3>
          <figure className="event-details__source">
            {record.source.quote ? <blockquote>{record.source.quote}</blockquote> : null}
            <figcaption>
              {source ? (
                <>
                  <cite>{source.title}</cite>
                  {source.author ? (
                    <>
                      , <bdi>{source.author}</bdi>
                    </>
                  ) : null}
                  {source.publisher ? (
                    <>
                      , <bdi>{source.publisher}</bdi>
                    </>
                  ) : null}
                  {published?.ok ? `, ${formatPartialDate(published.value)}` : ''}
                </>
              ) : (
                record.source.article
              )}
            </figcaption>
          </figure>
        </>
      ) : null}
    </section>
  );

}
