import { Link } from '../../components/Link';
import { navigate } from '../../components/router';
import { useAppStore } from '../../store/store';
import { useHomeData } from '../../store/selectors';
import { StudyOptions } from './StudyOptions';

export function HomeScreen() {
  const ready = useAppStore((s) => s.ready);
  const home = useHomeData();
  const startStudy = useAppStore((s) => s.selectStudyDecks);

  if (!ready) return <p className="loading" role="status">Loading your decks…</p>;

  const { total } = home;
  const anything = total.new + total.learning + total.review > 0;

  return (
    <section aria-labelledby="home-title" className="stack">
      <div className="spread">
        <div>
          <h1 id="home-title">Today</h1>
          <p className="lede">Who secures what in AWS: security <em>of</em> the cloud, and security <em>in</em> the cloud.</p>
        </div>
      </div>

      <div className="stat-grid" aria-label="Today at a glance">
        <div className="stat">
          <span className="stat-value">{home.reviewedToday}</span>
          <span className="stat-label">reviewed today</span>
        </div>
        <div className="stat">
          <span className="stat-value">
            {home.streak} {home.streak === 1 ? 'day' : 'days'}
          </span>
          <span className="stat-label">study streak</span>
        </div>
        <div className="stat">
          <span className="stat-value">{total.review + total.learning}</span>
          <span className="stat-label">due now</span>
        </div>
        <div className="stat">
          <span className="stat-value">{total.new}</span>
          <span className="stat-label">new cards today</span>
        </div>
      </div>

      <div className="spread">
        <h2 id="your-decks">Your decks</h2>
        <button
          type="button"
          className="btn primary"
          disabled={!anything}
          onClick={() => {
            startStudy(null);
            navigate('/study');
          }}
        >
          {anything ? 'Study all' : 'All done for today'}
        </button>
      </div>

      {home.decks.length === 0 ? (
        <p className="panel">
          No decks are included in study. Include some below, or in <Link to="/decks">Decks</Link>.
        </p>
      ) : (
        <ul className="deck-list" aria-labelledby="your-decks">
          {home.decks.map((deck) => {
            const due = deck.counts.new + deck.counts.learning + deck.counts.review;
            return (
              <li key={deck.id} className="deck-row panel">
                <div className="deck-info">
                  <h3 id={`deck-${deck.id}`}>{deck.name}</h3>
                  <p className="muted small">{deck.description || `${deck.total} cards`}</p>
                </div>
                <dl className="counts" aria-label={`${deck.name}: cards for today`}>
                  <div>
                    <dt className="visually-hidden">New</dt>
                    <dd className="count-new" title="New">{deck.counts.new}</dd>
                  </div>
                  <div>
                    <dt className="visually-hidden">Learning</dt>
                    <dd className="count-learn" title="Learning">{deck.counts.learning}</dd>
                  </div>
                  <div>
                    <dt className="visually-hidden">Due</dt>
                    <dd className="count-due" title="Due">{deck.counts.review}</dd>
                  </div>
                </dl>
                <button
                  type="button"
                  className="btn"
                  aria-describedby={`deck-${deck.id}`}
                  aria-label={`Study ${deck.name}`}
                  disabled={due === 0}
                  onClick={() => {
                    startStudy([deck.id]);
                    navigate('/study');
                  }}
                >
                  Study
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <StudyOptions />
      <p className="muted small">
        <span className="count-new">New</span> · <span className="count-learn">Learning</span> · <span className="count-due">Due</span> — counts for today, within your daily limits.
      </p>
    </section>
  );
}
