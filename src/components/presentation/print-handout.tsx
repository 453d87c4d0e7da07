// The printable handout: the events the filters select, in time order, or, while a guided tour is presented, the
// tour's title card and its events in the tour's order; each with its date, summary and quote.
// It is rendered only while printing ("Print handout" or the browser's own Print), outside the app, so print
// styles can show it alone, black on white.
import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { formatPartialDate, parsePartialDate } from '../../domain/partial-date.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectData, selectHandoutDeck } from '../../store/selectors.ts';
import '../../styles/presentation.css';

export function PrintHandoutButton() {
  const data = useAppStore(selectData);
  return (
    <button type="button" className="button" disabled={!data} onClick={() => window.print()}>
      Print handout
    </button>
  );
}

export function PrintHandout() {
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    // The page is laid out for print as soon as beforeprint returns, so render synchronously.
    const onBeforePrint = () => flushSync(() => setPrinting(true));
    const onAfterPrint = () => setPrinting(false);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    };
  }, []);

  return printing ? createPortal(<HandoutContent />, document.body) : null;
}

function HandoutContent() {
  const data = useAppStore(selectData);
  const deck = useAppStore(selectHandoutDeck);
  if (!data) return null;
  const { index } = data;
  const [first] = deck.steps;
  const titleCard = first?.kind === 'title' ? first : undefined;
  const events = deck.steps.flatMap((step) => (step.kind === 'event' ? [step.event] : []));
  return (
    <section className="print-handout" aria-labelledby="print-handout-heading">
      <h1 id="print-handout-heading">Timeline Explorer: handout</h1>
      <p className="print-handout__meta">
        {data.label} · {events.length} {events.length === 1 ? 'event' : 'events'}, {deck.tour ? 'in the tour’s order' : 'in time order'}
      </p>
      {titleCard ? (
        <div className="print-handout__title-card">
          <p className="print-handout__kicker">Guided tour{titleCard.story ? ` · ${titleCard.story.title}` : ''}</p>
          <h2>{titleCard.tour.title}</h2>
          {titleCard.story ? <p>{titleCard.story.intro}</p> : null}
        </div>
      ) : null}
      <ol className="print-handout__events">
        {events.map((event) => {
          const { record } = event;
          const source = record.source ? index.sourcesById.get(record.source.article) : undefined;
          const published = source?.published ? parsePartialDate(source.published) : undefined;
          const country = index.countriesById.get(record.country);
          return (
            <li key={event.id} className="print-handout__event">
              <h2>{record.title}</h2>
              <p className="print-handout__date">
                {event.dateLabel}
                {record.approximate ? ' (approximate)' : ''}
                {country ? ` · ${country.name}` : ''}
              </p>
              {record.summary ? <p>{record.summary}</p> : null}
              {record.source?.quote ? (
                <figure className="print-handout__source">
                  <blockquote>{record.source.quote}</blockquote>
                  <figcaption>
                    {source ? source.title : record.source.article}
                    {source?.publisher ? `, ${source.publisher}` : ''}
                    {published?.ok ? `, ${formatPartialDate(published.value)}` : ''}
                  </figcaption>
                </figure>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
