// Presentation mode: the chrome hides, the timeline stays (the same vis-timeline instance) and the current step is
// shown large below it, with Previous / Next, progress, Reveal, teacher's notes and Exit. Keys work anywhere on the
// page except in text fields; leaving restores the view from before and ends full screen.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { presentationKeyCommand, formatProgress } from '../../domain/presentation.ts';
import { useAppActions, useAppStore } from '../../store/app-store.ts';
import { selectData, selectPresentationDeck, selectPresentationPosition } from '../../store/selectors.ts';
import '../../styles/presentation.css';
import { leaveFullscreen } from './fullscreen.ts';
import { PresentationSlide } from './presentation-slide.tsx';

/** The class on <html> that turns the page into the presentation layout (src/styles/presentation.css). */
export const PRESENTING_CLASS = 'is-presenting';

export function PresentationView() {
  const present = useAppStore((state) => state.present);
  const data = useAppStore(selectData);
  return present && data ? <PresentationStage /> : null;
}

const TEXT_FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
// Enter and Space on these act on the control itself (a focused "Previous event" goes back, not forward).
const ACTIVATABLE = 'button, a[href], summary, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="menuitem"]';

function PresentationStage() {
  const data = useAppStore(selectData);
  const deck = useAppStore(selectPresentationDeck);
  const position = useAppStore(selectPresentationPosition);
  const reveal = useAppStore((state) => state.reveal);
  const actions = useAppActions();
  const [showNotes, setShowNotes] = useState(true);
  const nextRef = useRef<HTMLButtonElement>(null);

  // The layout: chrome hidden, large type, high contrast. On leaving, focus goes back to what opened it.
  useLayoutEffect(() => {
    const root = document.documentElement;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    root.classList.add(PRESENTING_CLASS);
    nextRef.current?.focus();
    return () => {
      root.classList.remove(PRESENTING_CLASS);
      leaveFullscreen();
      if (!opener?.isConnected) return;
      // A "Start tour" button sits in a list that closed behind it: its summary is the way back.
      const closed = opener.closest('details:not([open])');
      (closed?.querySelector('summary') ?? opener).focus();
    };
  }, []);

  // A link opened on presentation: land on its step (or the first) with the window on it.
  useEffect(() => {
    actions.settlePresentation();
  }, [actions, data]);

  // Keys, before the page's own handlers (the timeline's arrows select without moving the slide).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      const command = presentationKeyCommand(event.key);
      if (!command) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TEXT_FIELDS)) return;
      if ((event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') && target?.closest(ACTIVATABLE)) return;
      event.preventDefault();
      event.stopPropagation();
      if (command === 'exit') actions.stopPresentation();
      else actions.stepPresentation(command);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [actions]);

  // The browser's own way out of full screen (its Escape never reaches the page) leaves the presentation too.
  useEffect(() => {
    let wasFullscreen = Boolean(document.fullscreenElement);
    const onChange = () => {
      const isFullscreen = Boolean(document.fullscreenElement);
      if (wasFullscreen && !isFullscreen) actions.stopPresentation();
      wasFullscreen = isFullscreen;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [actions]);

  if (!data) return null;
  const step = deck.steps[position];
  const last = deck.steps.length - 1;
  const hasNotes = deck.steps.some((candidate) => candidate.kind === 'event' && candidate.note);
  const heading = step?.kind === 'title' ? step.tour.title : step?.kind === 'event' ? step.event.record.title : undefined;
  const atEnd = step !== undefined && position === last;

  return (
    <section className="presentation" aria-label="Presentation">
      <PresentationSlide step={step} index={data.index} eventCount={deck.eventCount} showNotes={showNotes} />
      <div className="presentation__controls" role="group" aria-label="Presentation controls">
        <button
          type="button"
          className="button presentation__button"
          aria-disabled={position <= 0}
          onClick={() => actions.stepPresentation('previous')}
        >
          Previous event
        </button>
        <p className="presentation__progress" role="status">
          {formatProgress(deck, position)}
          {heading ? <span className="visually-hidden">: {heading}</span> : null}
          {atEnd ? (
            <>
              <span className="visually-hidden">. </span>
              <span className="presentation__end">End</span>
            </>
          ) : null}
        </p>
        <button
          ref={nextRef}
          type="button"
          className="button presentation__button presentation__button--next"
          aria-disabled={position >= last}
          onClick={() => actions.stepPresentation('next')}
        >
          Next event
        </button>
        <span className="presentation__spacer" />
        <button type="button" className="button presentation__button" aria-pressed={reveal} onClick={() => actions.setReveal(!reveal)}>
          Reveal step by step
        </button>
        {hasNotes ? (
          <button type="button" className="button presentation__button" aria-pressed={showNotes} onClick={() => setShowNotes(!showNotes)}>
            Show notes
          </button>
        ) : null}
        <button type="button" className="button presentation__button" onClick={() => actions.stopPresentation()}>
          Exit presentation
        </button>
      </div>
    </section>
  );
}
