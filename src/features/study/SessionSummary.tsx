import { Link } from '../../components/Link';
import { useKeys } from '../../components/useKeys';
import { useAppStore } from '../../store/store';
import { useSessionSummary } from '../../store/selectors';

function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return `${seconds}s`;
  return seconds === 0 ? `${minutes}m` : `${minutes}m ${seconds}s`;
}

/** Shown when today's queue is empty: how the session went, and what else can be studied. */
export function SessionSummary({ canUndo, onUndo }: { canUndo: boolean; onUndo: () => void }) {
  const summary = useSessionSummary();
  const studyMoreNew = useAppStore((s) => s.studyMoreNew);
  const reviewAhead = useAppStore((s) => s.setReviewAhead);

  useKeys({
    n: () => studyMoreNew(10),
    r: () => reviewAhead(true),
  });

  return (
    <section aria-labelledby="summary-title" className="stack">
      <div>
        <h1 id="summary-title">{summary.studied > 0 ? 'Session complete' : 'Nothing due right now'}</h1>
        <p className="lede">
          {summary.nextLearningIn
            ? `A card you are learning comes back in ${summary.nextLearningIn}. Stay here, or come back later.`
            : summary.studied > 0
              ? 'Well done. Everything due today is done.'
              : 'You are up to date. Come back tomorrow, or study ahead below.'}
        </p>
      </div>
      <div className="stat-grid" role="list" aria-label="Session summary">
        <div className="stat" role="listitem">
          <span className="stat-value">{summary.studied}</span>
          <span className="stat-label">cards studied</span>
        </div>
        <div className="stat" role="listitem">
          <span className="stat-value">{summary.studied > 0 ? `${Math.round(summary.accuracy * 100)}%` : '—'}</span>
          <span className="stat-label">answered right</span>
        </div>
        <div className="stat" role="listitem">
          <span className="stat-value">{formatDuration(summary.timeMs)}</span>
          <span className="stat-label">time spent</span>
        </div>
        <div className="stat" role="listitem">
          <span className="stat-value">{summary.dueTomorrow}</span>
          <span className="stat-label">due tomorrow</span>
        </div>
      </div>
      <div className="row">
        <button type="button" className="btn primary" onClick={() => studyMoreNew(10)} disabled={summary.newAvailable === 0} aria-keyshortcuts="N">
          Study {Math.min(10, summary.newAvailable)} more new cards <kbd aria-hidden="true">N</kbd>
        </button>
        <button type="button" className="btn" onClick={() => reviewAhead(true)} disabled={summary.aheadAvailable === 0} aria-keyshortcuts="R">
          Review ahead <kbd aria-hidden="true">R</kbd>
        </button>
        {canUndo ? (
          <button type="button" className="btn" onClick={onUndo} aria-keyshortcuts="Z Control+Z">
            Undo last answer <kbd aria-hidden="true">Z</kbd>
          </button>
        ) : null}
        <Link to="/" className="btn">
          Back to Home
        </Link>
      </div>
    </section>
  );
}
