// The header's classroom actions: Present, Guided tours and Print handout (with the handout it prints).
import { GuidedTours } from './guided-tours.tsx';
import { PresentButton } from './present-button.tsx';
import { PrintHandout, PrintHandoutButton } from './print-handout.tsx';

export function PresentationActions() {
  return (
    <div className="presentation-actions" role="group" aria-label="Classroom">
      <PresentButton />
      <GuidedTours />
      <PrintHandoutButton />
      <PrintHandout />
    </div>
  );
}
