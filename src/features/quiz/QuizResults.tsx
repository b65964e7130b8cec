import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '../../components/Link';
import { useKeys } from '../../components/useKeys';
import { breakdown, missed, PASS_MARK, scoreQuiz, type BreakdownRow } from '../../core/quiz/score';
import type { QuizSession } from '../../core/quiz/session';
import { useAppStore } from '../../store/store';
import { cardsByKeyOf, type StudyMissedResult } from '../../store/quizSlice';
import { formatDate, formatElapsed, plural } from './format';
import { tagLabel } from '../../components/tagLabels';
import { QuizHistory } from './QuizHistory';
import { SourceLine } from '../../components/SourceLine';

function BreakdownTable({ title, rows, labelOf = (l) => l }: { title: string; rows: BreakdownRow[]; labelOf?: (label: string) => string }) {
  return (
    <table className="data breakdown-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Area</th>
          <th scope="col">Correct</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const weak = row.correct < PASS_MARK * row.total;
          return (
          <tr key={row.label} className={weak ? 'is-weak' : undefined}>
            <th scope="row">
              <span className="row-label">
                {weak ? (
                  <span className="weak-mark" aria-hidden="true">
                    ⚠
                  </span>
                ) : null}
                <span>
                  {labelOf(row.label)}
                  {weak ? <span className="visually-hidden"> (below 70%)</span> : null}
                </span>
              </span>
            </th>
            <td className="num">
              {row.correct} / {row.total}
            </td>
            <td>
              <span className="bar-cell">
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${row.percent}%` }} />
                </span>
                <span className="num">{row.percent}%</span>
              </span>
            </td>
          </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function categoryLabel(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The submitted quiz: score, pass/fail, breakdown, missed questions, "Study these", history. */
export function QuizResults({ quiz }: { quiz: QuizSession }) {
  const builtin = useAppStore((s) => s.builtinDecks);
  const user = useAppStore((s) => s.userDecks);
  const attempts = useAppStore((s) => s.quizAttempts);
  const discard = useAppStore((s) => s.discardQuiz);
  const studyMissed = useAppStore((s) => s.studyMissedCards);
  const [studied, setStudied] = useState<StudyMissedResult | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const cards = useMemo(() => cardsByKeyOf(builtin, user), [builtin, user]);
  const score = useMemo(() => scoreQuiz(quiz, cards), [quiz, cards]);
  const rows = useMemo(() => breakdown(quiz, cards), [quiz, cards]);
  const missedQuestions = useMemo(() => missed(quiz, cards), [quiz, cards]);
  const unanswered = missedQuestions.filter((m) => m.given === null).length;

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  function studyThese() {
    if (studied || missedQuestions.length === 0) return;
    setStudied(studyMissed());
  }

  useKeys({ n: discard, s: studyThese });

  const isExam = quiz.mode === 'exam';
  const took = (quiz.submittedAt ?? quiz.createdAt) - quiz.createdAt;

  return (
    <section className="quiz-results stack" aria-labelledby="quiz-title">
      <div className="spread">
        <div>
          <h1 id="quiz-title" ref={titleRef} tabIndex={-1}>
            {isExam ? 'Exam results' : 'Practice results'}
          </h1>
          <p className="muted small">
            Finished {formatDate(quiz.submittedAt ?? quiz.createdAt)} · {formatElapsed(took)}
          </p>
        </div>
        <button type="button" className="btn primary" onClick={discard} aria-keyshortcuts="N">
          New quiz <kbd aria-hidden="true">N</kbd>
        </button>
      </div>

      {quiz.endedBy === 'time' ? (
        <p className="panel time-up" role="note">
          <span aria-hidden="true">⏱ </span>Time ran out, so the exam was submitted automatically.
          {unanswered > 0 ? ` ${plural(unanswered, 'unanswered question')} count as wrong.` : ''}
        </p>
      ) : null}

      <div className={`panel score-panel ${score.passed ? 'is-pass' : 'is-fail'}`}>
        <div className="score-main">
          <p className="score-line">
            <span className="score-value">
              {score.correct} / {score.total} correct
            </span>
            <span className="score-percent">{score.percent}%</span>
          </p>
          <p className={`result-badge ${score.passed ? 'is-pass' : 'is-fail'}`}>
            <span aria-hidden="true">{score.passed ? '✓' : '✗'}</span> {score.passed ? 'Pass' : 'Below the pass mark'}
          </p>
        </div>
        <div className="score-meter" aria-hidden="true">
          <span className="score-fill" style={{ width: `${score.percent}%` }} />
          <span className="score-mark" style={{ left: `${PASS_MARK * 100}%` }} />
        </div>
        <p className="muted small pass-note">
          {Math.round(PASS_MARK * 100)}% ≈ pass mark (the exam's 700/1000 scaled score; approximate)
        </p>
      </div>

      <section className="stack" aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">Breakdown</h2>
        <p className="muted small">Weakest first. Rows below 70% are marked ⚠.</p>
        <div className="breakdown-grid">
          <div className="panel table-scroll">
            <BreakdownTable title="By service category" rows={rows.category} labelOf={categoryLabel} />
          </div>
          <div className="panel table-scroll">
            <BreakdownTable title="By owner" rows={rows.owner} />
          </div>
        </div>
        <details className="panel tag-breakdown">
          <summary>By tag ({rows.tag.length})</summary>
          <div className="table-scroll">
            <BreakdownTable title="By tag" rows={rows.tag} labelOf={tagLabel} />
          </div>
        </details>
      </section>

      <section className="stack" aria-labelledby="missed-title">
        <h2 id="missed-title">Missed questions ({missedQuestions.length})</h2>
        {missedQuestions.length === 0 ? (
          <p className="panel">Nothing missed. Well done!</p>
        ) : (
          <>
            <div className="panel study-these">
              <div className="study-these-text">
                <p>
                  <strong>Study these</strong> makes the missed cards you have studied before due now, so they come back in Study today
                  (missed cards you have never studied are already in your new-card queue). This is the only way a quiz changes your study
                  schedule.
                </p>
                {studied ? (
                  <p role="status" className="study-these-result">
                    <span aria-hidden="true">✓ </span>
                    {studied.due > 0 ? `${plural(studied.due, 'card')} due now in Study.` : 'No missed card had been studied yet.'}
                    {studied.stillNew > 0
                      ? ` ${plural(studied.stillNew, 'missed card')} ${studied.stillNew === 1 ? 'is' : 'are'} still new: already in your new-card queue.`
                      : ''}{' '}
                    <Link to="/study">Go to Study</Link>
                  </p>
                ) : null}
              </div>
              <button type="button" className="btn" onClick={studyThese} disabled={studied !== null} aria-keyshortcuts="S">
                {studied ? 'Done' : 'Study these'} <kbd aria-hidden="true">S</kbd>
              </button>
            </div>
            <ol className="missed-list">
              {missedQuestions.map((m) => (
                <li key={m.key} className="panel missed-item">
                  <p className="eyebrow">Question {m.index + 1}</p>
                  <h3 className="missed-question">{m.question}</h3>
                  <p className="missed-answers">
                    <span className="given">
                      <span aria-hidden="true">✗ </span>Your answer: <strong>{m.given ?? 'not answered'}</strong>
                    </span>
                    <span className="correct">
                      <span aria-hidden="true">✓ </span>Correct: <strong>{m.correct}</strong>
                    </span>
                  </p>
                  {m.explanation ? <p className="explanation">{m.explanation}</p> : null}
                  <SourceLine source={cards.get(m.key)?.source ?? ''} />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <QuizHistory attempts={attempts} highlightId={quiz.id} />
    </section>
  );
}
