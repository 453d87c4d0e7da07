// A part of the page that folds behind a button on small screens (the filters, the header's actions, the legend).
// The button and the folding exist only where the CSS says so (a media query on `[data-open='false']`); on wider
// screens the button is hidden and the part always shown.
import { type ReactNode, useId, useState } from 'react';

export interface Fold {
  readonly open: boolean;
  /** The id of the folded part, for the button's aria-controls. */
  readonly bodyId: string;
  readonly toggle: () => void;
}

export function useFold(): Fold {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return { open, bodyId, toggle: () => setOpen((was) => !was) };
}

export function FoldButton({ fold, className, children }: { readonly fold: Fold; readonly className: string; readonly children: ReactNode }) {
  return (
    <button type="button" className={`button ${className}`} aria-expanded={fold.open} aria-controls={fold.bodyId} onClick={fold.toggle}>
      {children}
      <span className="fold-arrow" aria-hidden="true">
        {fold.open ? '▾' : '▸'}
      </span>
    </button>
  );
}
