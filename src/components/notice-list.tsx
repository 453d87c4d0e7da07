// Dismissible notices: what was ignored in a link, why details closed, what went wrong loading a dataset.
import { useAppActions, useAppStore } from '../store/app-store.ts';

export function NoticeList() {
  const notices = useAppStore((state) => state.notices);
  const actions = useAppActions();
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <div className="notice__body">
            <p>{notice.text}</p>
            {notice.details?.length ? (
              <ul className="notice__details">
                {notice.details.map((line, position) => (
                  <li key={position}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="button" className="button button--quiet notice__dismiss" onClick={() => actions.dismissNotice(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
