// Presentation mode: the chrome hides, the timeline stays (the same vis-timeline instance) and the current step is
// shown large below it, with Previous / Next, progress, Reveal, teacher's notes and Exit. Keys work anywhere on the
// page except in text fields (use-presentation-keys.ts); B and W blank the screen; leaving restores the view from
// before and ends full screen.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type PresentationCommand, type ScreenCover, applyScreenCommand, formatProgress } from '../../domain/presentation.ts';
import { useAppActions, useAppStore } from '../../store/app-store.ts';
import { selectData, selectPresentationDeck, selectPresentationPosition } from '../../store/selectors.ts';
import '../../styles/presentation.css';
import { leaveFullscreen } from './fullscreen.ts';
import { PresentationSlide } from './presentation-slide.tsx';
import { usePresentationKeys } from './use-presentation-keys.ts';

/** The class on <html> that turns the page into the presentation layout (src/styles/presentation.css). */
export const PRESENTING_CLASS = 'is-presenting';

export function PresentationView() {
  const present = useAppStore((state) => state.present);
  const data = useAppStore(selectData);
  return present && data ? <PresentationStage /> : null;
}

/** A blanked screen and the step it hides; once the step changes otherwise (Back, a link), the slide shows again. */
interface Blank {
  readonly cover: ScreenCover | undefined;
  readonly position: number;
}

const COVER_SAID: Readonly<Record<ScreenCover, string>> = {
  black: 'Screen blacked out. Press B or Next event to show the slide again.',
  white: 'Screen whited out. Press W or Next event to show the slide again.',
};

function PresentationStage() {
  const data = useAppStore(selectData);
  const deck = useAppStore(selectPresentationDeck);
  const position = useAppStore(selectPresentationPosition);
  const reveal = useAppStore((state) => state.reveal);
  const actions = useAppActions();
  const [showNotes, setShowNotes] = useState(true);
  // Undefined until the screen is first blanked; { cover: undefined } once the slide is shown again.
  const [blank, setBlank] = useState<Blank>();
  const nextRef = useRef<HTMLButtonElement>(null);
  const shown = blank?.position === position ? blank : undefined;
  const cover = shown?.cover;

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

  const onCommand = (command: PresentationCommand) => {
    if (command === 'exit') {
      actions.stopPresentation();
      return;
    }
    const next = applyScreenCommand(cover, command);
    if (next.cover !== cover) setBlank({ cover: next.cover, position });
    if (next.step) actions.stepPresentation(next.step);
  };
  usePresentationKeys(onCommand, { keysOnControls: cover !== undefined });

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
      {cover ? (
        // Nothing on it, as in PowerPoint: a click, B (W) again or a step key shows the same slide again.
        <div className={`presentation__blank presentation__blank--${cover}`} onClick={() => setBlank({ cover: undefined, position })} />
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {cover ? COVER_SAID[cover] : shown ? 'Slide shown again.' : ''}
      </p>
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
