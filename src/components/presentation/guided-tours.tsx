// "Guided tours": one "Start tour" per tour in the dataset, each opening presentation mode on the tour's title card.
import { useCallback, type KeyboardEvent, useRef, useState } from 'react';
import { useAppActions, useAppStore } from '../../store/app-store.ts';
import { selectData } from '../../store/selectors.ts';
import { enterFullscreen } from './fullscreen.ts';
import { useCloseOnOutsidePointer } from '../use-close-on-outside-pointer.ts';

export function GuidedTours() {
  const data = useAppStore(selectData);
  const actions = useAppActions();
  const [open, setOpen] = useState(false);
  const closeMenu = useCallback(() => setOpen(false), []);
  const detailsRef = useRef<HTMLDetailsElement>(null);

  useCloseOnOutsidePointer(detailsRef, open, closeMenu);

  const tours = data?.index.dataset.tours ?? [];
  if (!data || !tours.length) return null;
  // Each button is named by its story, or by the tour's own title where a story has several tours.
  const toursPerStory = new Map<string, number>();
  for (const tour of tours) toursPerStory.set(tour.story, (toursPerStory.get(tour.story) ?? 0) + 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    detailsRef.current?.querySelector('summary')?.focus();
  };

  return (
    <details
      ref={detailsRef}
      className="guided-tours"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={onKeyDown}
    >
      <summary className="button guided-tours__summary">Guided tours</summary>
      <ul className="guided-tours__list">
        {tours.map((tour) => {
          const story = data.index.storiesById.get(tour.story);
          const steps = new Set(tour.steps.map((step) => step.event).filter((id) => data.index.eventsById.has(id))).size;
          return (
            <li key={tour.id} className="guided-tours__item">
              <p className="guided-tours__title">{tour.title}</p>
              <p className="guided-tours__meta">
                {story ? `${story.title} · ` : ''}
                {steps} {steps === 1 ? 'event' : 'events'}
              </p>
              <button
                type="button"
                className="button button--primary"
                // The visible "Start tour" begins the name, so speech input finds it; the rest tells the buttons apart.
                aria-label={`Start tour: ${story && toursPerStory.get(tour.story) === 1 ? story.title : tour.title}`}
                onClick={() => {
                  setOpen(false);
                  actions.startPresentation(tour.id);
                  enterFullscreen();
                }}
              >
                Start tour
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
