// One slide, large: a tour's title card (its title and the story's introduction) or an event (title, date, summary,
// verbatim source quote and, in a tour, the teacher's note).
import type { IndexedDataset } from '../../domain/dataset.ts';
import { formatPartialDate, parsePartialDate } from '../../domain/partial-date.ts';
import type { PresentationStep } from '../../domain/presentation.ts';

export interface PresentationSlideProps {
  readonly step: PresentationStep | undefined;
  readonly index: IndexedDataset;
  readonly eventCount: number;
  readonly showNotes: boolean;
}

export function PresentationSlide({ step, index, eventCount, showNotes }: PresentationSlideProps) {
  if (!step) {
    return (
      <div className="presentation__slide presentation__slide--empty" tabIndex={0} aria-label="Current slide">
        <h2 className="presentation__title">{eventCount ? 'Choose an event to present' : 'No events to present'}</h2>
        <p className="presentation__body">
          {eventCount ? 'Press Next event to start from the first.' : 'No events match the filters. Exit the presentation to change them.'}
        </p>
      </div>
    );
  }

  if (step.kind === 'title') {
    return (
      <div className="presentation__slide presentation__slide--title" tabIndex={0} aria-label="Current slide">
        <p className="presentation__kicker">Guided tour{step.story ? ` · ${step.story.title}` : ''}</p>
        <h2 className="presentation__title">{step.tour.title}</h2>
        {step.story ? <p className="presentation__body presentation__intro">{step.story.intro}</p> : null}
        <p className="presentation__hint">
          {eventCount} {eventCount === 1 ? 'event' : 'events'}. Press Next event to begin.
        </p>
      </div>
    );
  }

  const { event, note } = step;
  const { record } = event;
  const country = index.countriesById.get(record.country);
  const type = index.typesById.get(record.type);
  const source = record.source ? index.sourcesById.get(record.source.article) : undefined;
  const published = source?.published ? parsePartialDate(source.published) : undefined;
  return (
    <div className="presentation__slide presentation__slide--event" tabIndex={0} aria-label="Current slide">
      <div className="presentation__main">
        <p className="presentation__kicker">
          <bdi>{country?.name}</bdi>
          {country && type ? ' · ' : ''}
          <bdi>{type?.label}</bdi>
        </p>
        <h2 className="presentation__title">{record.title}</h2>
        <p className="presentation__date">
          {event.dateLabel}
          {record.approximate ? ' (approximate)' : ''}
        </p>
        {record.summary ? <p className="presentation__body presentation__summary">{record.summary}</p> : null}
      </div>
      <div className="presentation__aside">
        {record.source?.quote ? (
          <figure className="presentation__source">
            <blockquote className="presentation__body">{record.source.quote}</blockquote>
            <figcaption>
              {source ? <cite>{source.title}</cite> : record.source.article}
              {source?.publisher ? (
                <>
                  , <bdi>{source.publisher}</bdi>
                </>
              ) : null}
              {published?.ok ? `, ${formatPartialDate(published.value)}` : ''}
            </figcaption>
          </figure>
        ) : null}
        {note && showNotes ? (
          <div className="presentation__note" role="note" aria-labelledby="presentation-note-heading">
            <h3 id="presentation-note-heading">Teacher’s note</h3>
            <p>{note}</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
