// The presentation's keys, anywhere on the page but in text fields, before the page's own handlers (the timeline's
// arrows select without moving the slide). Enter and Space act on a control the keyboard brought focus to (Tab to
// "Previous event", Enter: back); on a control a click left focus on, they are the next step like everywhere else.
import { useEffect, useEffectEvent } from 'react';
import { type PresentationCommand, presentationKeyCommand } from '../../domain/presentation.ts';

const TEXT_FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const ACTIVATABLE = 'button, a[href], summary, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="menuitem"]';
const ACTIVATING_KEYS: ReadonlySet<string> = new Set(['Enter', ' ', 'Spacebar']);

export interface PresentationKeyOptions {
  /** Every command key is the presentation's, even on a focused control (the screen is blank: nothing to act on). */
  readonly keysOnControls: boolean;
}

/** Calls `onCommand` for each presentation key pressed while mounted. */
export function usePresentationKeys(onCommand: (command: PresentationCommand) => void, { keysOnControls }: PresentationKeyOptions): void {
  const run = useEffectEvent(onCommand);
  const keysAreOurs = useEffectEvent(() => keysOnControls);

  useEffect(() => {
    // The element focus was on when a pointer last clicked (the clicked button, in most browsers). Moving focus any
    // other way (Tab, or the app) forgets it. A click's `detail` is 0 when Enter or Space made it.
    let clickedFocus: Element | null = null;
    const onFocusIn = () => {
      clickedFocus = null;
    };
    const onClick = (event: MouseEvent) => {
      if (event.detail > 0) clickedFocus = document.activeElement;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      const command = presentationKeyCommand(event.key);
      if (!command) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TEXT_FIELDS)) return;
      const chosenByKeyboard = target !== clickedFocus && target?.closest(ACTIVATABLE);
      if (ACTIVATING_KEYS.has(event.key) && chosenByKeyboard && !keysAreOurs()) return;
      // Prevented, Space does not click the focused button on its way up either: one press, one step.
      event.preventDefault();
      event.stopPropagation();
      // A held B would flicker between the slide and black.
      if (event.repeat && (command === 'black' || command === 'white')) return;
      run(command);
    };
    window.addEventListener('focusin', onFocusIn, true);
    window.addEventListener('click', onClick, true);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('focusin', onFocusIn, true);
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);
}
