import { useId } from 'react';
import { isPassing } from '../../core/quiz/score';
import { trend, type QuizAttempt } from '../../core/quiz/history';
import { formatDate, formatShortDate } from './format';

const SHOWN = 20;

function Sparkline({ percents }: { percents: number[] }) {
  const width = 160;
  const height = 40;
  const pad = 4;
  if (percents.length < 2) return null;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (percents.length - 1);
  const y = (p: number) => pad + ((100 - p) * (height - 2 * pad)) / 100;
  const points = percents.map((p, i) => `${x(i).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
  const last = percents.length - 1;
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
      <line className="spark-pass" x1={pad} x2={width - pad} y1={y(70)} y2={y(70)} />
      <polyline className="spark-line" points={points} />
      <circle className="spark-dot" cx={x(last)} cy={y(percents[last] ?? 0)} r={3} />
    </svg>
  );
}

function signed(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? `−${Math.abs(change)}` : '±0';
}

/** Past attempts, newest first, with the trend over the last ten. */
export function QuizHistory({ attempts, highlightId = null }: { attempts: readonly QuizAttempt[]; highlightId?: string | null }) {
  const titleId = useId();
  const t = trend(attempts);
  const newestFirst = [...attempts].sort((a, b) => b.finishedAt - a.finishedAt);
  const shown = newestFirst.slice(0, SHOWN);

  return (
    <section className="panel quiz-history stack" aria-labelledby={titleId}>
      <h2 id={titleId}>History</h2>
      {attempts.length === 0 ? (
        <p className="muted">No finished quizzes yet. Your scores will show up here.</p>
      ) : (
        <>
          <div className="trend">
            <dl className="trend-stats">
              <div>
                <dt>Latest</dt>
                <dd>{t.latest}%</dd>
              </div>
              <div>
                <dt>Change vs previous</dt>
                <dd>
                  {t.change === null ? '—' : `${signed(t.change)} pts`}
                  {t.change !== null ? (
                    <span className="visually-hidden">{t.change > 0 ? ' (better)' : t.change < 0 ? ' (worse)' : ' (same)'}</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>Best</dt>
                <dd>{t.best}%</dd>
              </div>
              <div>
                <dt>Attempts</dt>
                <dd>{t.count}</dd>
              </div>
            </dl>
            {t.percents.length >= 2 ? (
              <figure className="trend-figure">
                <Sparkline percents={t.percents} />
                <figcaption className="muted small">
                  Last {t.percents.length}: {t.percents.join('%, ')}% (line: 70% pass mark)
                </figcaption>
              </figure>
            ) : null}
          </div>
          <div className="table-scroll">
            <table className="data history-table">
              <caption className="visually-hidden">Past quizzes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Score</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => {
                  const passed = isPassing(a.correct, a.total);
                  return (
                    <tr key={a.id} className={a.id === highlightId ? 'is-highlight' : undefined}>
                      <td>
                        <time dateTime={new Date(a.finishedAt).toISOString()} title={formatDate(a.finishedAt)}>
                          {formatShortDate(a.finishedAt)}
                        </time>
                        {a.id === highlightId ? <span className="chip this-chip">this quiz</span> : null}
                      </td>
                      <td>{a.mode === 'exam' ? 'Exam' : 'Practice'}</td>
                      <td>
                        <span className="num">
                          {a.correct} / {a.total}
                        </span>{' '}
                        <span className="muted">({a.percent}%)</span>
                      </td>
                      <td>
                        <span className={`result ${passed ? 'is-pass' : 'is-fail'}`}>
                          <span aria-hidden="true">{passed ? '✓ ' : '✗ '}</span>
                          {passed ? 'Pass' : 'Fail'}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {newestFirst.length > SHOWN ? (
            <p className="muted small">
              Showing the latest {SHOWN} of {newestFirst.length} quizzes.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
