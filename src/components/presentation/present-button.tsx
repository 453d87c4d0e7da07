// "Present": presentation mode on the events the filters select, full screen where allowed.
import { useAppActions, useAppStore } from '../../store/app-store.ts';
import { selectData } from '../../store/selectors.ts';
import { enterFullscreen } from './fullscreen.ts';

export function PresentButton() {
  const data = useAppStore(selectData);
  const actions = useAppActions();
  return (
    <button
      type="button"
      className="button button--primary"
      disabled={!data}
      onClick={() => {
        actions.startPresentation();
        enterFullscreen();
      }}
    >
      Present
    </button>
  );
}
