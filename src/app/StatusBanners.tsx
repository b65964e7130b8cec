import { useAppStore } from '../store/store';
import { downloadBackup, downloadQuarantine } from '../store/downloads';

/** Banners about storage health: full quota, no storage at all, data recovered at start-up. */
export function StatusBanners() {
  const status = useAppStore((s) => s.storage.status);
  const quarantined = useAppStore((s) => s.storage.quarantined);
  const problems = useAppStore((s) => s.storage.problems);
  const retry = useAppStore((s) => s.retryWrites);
  const dismiss = useAppStore((s) => s.dismissRecovered);
  const loadError = useAppStore((s) => s.loadError);
  const dismissed = useAppStore((s) => s.recoveredDismissed);
  const recovered = problems.filter((p) => p.kind === 'corrupt' || p.kind === 'damaged' || p.kind === 'migration-failed' || p.kind === 'invalid-doc');

  return (
    <div className="banners">
      {loadError ? (
        <div className="banner" role="alert">
          <p>The app could not start properly: {loadError}. Reload the page; if this keeps happening, download a backup from Settings.</p>
        </div>
      ) : null}
      {status === 'quota' ? (
        <div className="banner" role="alert">
          <p>
            <strong>Progress is not being saved:</strong> this browser&apos;s storage for the app is full. Your answers are kept
            while this tab stays open. Download a backup, then free space (delete a large imported deck) and try again.
          </p>
          <div className="row">
            <button type="button" className="btn small" onClick={() => downloadBackup()}>
              Download backup
            </button>
            <button type="button" className="btn small" onClick={retry}>
              Try saving again
            </button>
          </div>
        </div>
      ) : null}
      {status === 'unavailable' ? (
        <div className="banner" role="status">
          <p>
            <strong>Progress will not be kept:</strong> this browser does not let the app store data (private mode or storage
            disabled). You can study, but closing the tab loses this session. Download a backup to keep it.
          </p>
          <button type="button" className="btn small" onClick={() => downloadBackup()}>
            Download backup
          </button>
        </div>
      ) : null}
      {status === 'newer-version' ? (
        <div className="banner" role="alert">
          <p>
            <strong>Stored progress comes from a newer version of the app.</strong> To keep it safe, this tab does not save
            anything. Reload to get the newest version.
          </p>
        </div>
      ) : null}
      {recovered.length > 0 && !dismissed ? (
        <div className="banner" role="alert">
          <p>
            <strong>Some stored data could not be read</strong> ({recovered.length} {recovered.length === 1 ? 'part' : 'parts'}).
            The app started with everything else. The unreadable data was kept aside, not overwritten
            {quarantined > 0 ? '; you can download it for support or recovery' : ''}.
          </p>
          <div className="row">
            {quarantined > 0 ? (
              <button type="button" className="btn small" onClick={() => downloadQuarantine()}>
                Download unreadable data
              </button>
            ) : null}
            <button type="button" className="btn small" onClick={dismiss}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
