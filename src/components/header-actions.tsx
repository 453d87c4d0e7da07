// The header's actions (dataset, sharing, classroom). On phones they fold behind an "Actions" button, as the filters
// fold behind theirs, so the first screen shows the timeline rather than rows of buttons (see app.css).
import type { ReactNode } from 'react';
import { FoldButton, useFold } from './fold.tsx';

export function HeaderActions({ children }: { readonly children: ReactNode }) {
  const fold = useFold();
  return (
    <>
      <FoldButton fold={fold} className="app-header__toggle">
        Actions
      </FoldButton>
      <div id={fold.bodyId} className="app-header__actions" data-open={fold.open}>
        {children}
      </div>
    </>
  );
}
