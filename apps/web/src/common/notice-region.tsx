import { navigate } from '../lib/router';
import { useNotices } from '../stores/notice-store';
import { CloseIcon } from './icons';

export function NoticeRegion() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="notices" role="alert" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`}>
          <span>
            {n.text}
            {n.link && (
              <>
                {' '}
                <a
                  className="notice-link"
                  href={n.link.path}
                  onClick={(e) => {
                    e.preventDefault();
                    // The notice has done its job once the user goes to fix it.
                    dismiss(n.id);
                    navigate(n.link!.path);
                  }}
                >
                  {n.link.label}
                </a>
              </>
            )}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss message"
            onClick={() => dismiss(n.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
