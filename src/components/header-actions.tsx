// The header's actions (dataset, sharing, classroom). On phones they fold behind an "Actions" button, as the filters
// fold behind theirs, so the first screen shows the timeline rather than rows of buttons (see app.css).
import { type ReactNode, useId, useState } from 'react';

export function HeaderActions({ children }: { readonly children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button type="button" className="button app-header__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Actions
        <span className="app-header__arrow" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
      </button>
      <div id={id} className="app-header__actions" data-open={open}>
        {children}
      </div>
    </>
  );
}
