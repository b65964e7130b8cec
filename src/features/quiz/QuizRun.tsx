import { useEffect, useMemo, useRef, useState } from 'react';
import { OwnerButtons } from '../../components/OwnerButtons';
import { useKeys } from '../../components/useKeys';
import type { Owner } from '../../core/deck/types';
import { canAnswer, navigatorSummary, type NavigatorItem, type QuizSession } from '../../core/quiz/session';
import { formatClock, remainingMs } from '../../core/quiz/timing';
import { useCardIndex } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ConfirmDialog } from './ConfirmDialog';
import { plural } from './format';
import { SourceLine } from '../../components/SourceLine';

const FIVE_MINUTES = 5 * 60_000;
const ONE_MINUTE = 60_000;

interface Props {
  quiz: QuizSession;
  /** The screen's clock, ticking every second while the quiz is timed. */
  now: number;
}

function navigatorName(item: NavigatorItem): string {
  return `Question ${item.number}, ${item.status}${item.flagged ? ', flagged' : ''}`;
}

/** The quiz while it runs: one question at a time, with feedback (practice) or the navigator (exam). */
export function QuizRun({ quiz, now }: Props) {
  const cards = useCardIndex();
  const builtin = useAppStore((s) => s.builtinDecks);
  const user = useAppStore((s) => s.userDecks);
  const answerQuestion = useAppStore((s) => s.answerQuizQuestion);
  const toggleFlag = useAppStore((s) => s.toggleQuizFlag);
  const goTo = useAppStore((s) => s.goToQuizQuestion);
  const next = useAppStore((s) => s.nextQuizQuestion);
  const prev = useAppStore((s) => s.prevQuizQuestion);
  const submit = useAppStore((s) => s.submitQuiz);

  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const questionRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const focusFeedback = useRef(false);

  const deckNames = useMemo(() => new Map([...builtin, ...user].map((d) => [d.id, d.name])), [builtin, user]);
  const isExam = quiz.mode === 'exam';
  const total = quiz.questions.length;
  const summary = navigatorSummary(quiz);
  const question = quiz.questions[quiz.current];
  const found = question ? cards.get(question.key) : undefined;
  const card = found?.card.kind === 'owner' ? found.card : null;
  const given = question?.answer ?? null;
  const answerable = canAnswer(quiz, quiz.current, now);
  const showFeedback = !isExam && given !== null;
  const isFirst = quiz.current === 0;
  const isLast = quiz.current >= total - 1;
  // Practice moves on only after an answer; exam questions can be skipped and revisited.
  const canGoNext = !isLast && (isExam || given !== null || card === null);
  // The clock may lag behind the start by up to a tick; never show more than the full time.
  const left = remainingMs(quiz, Math.max(now, quiz.createdAt));

  // A new question on screen: move focus to it, so screen readers read it.
  const currentIndex = quiz.current;
  useEffect(() => {
    questionRef.current?.focus();
  }, [currentIndex]);

  // Practice: after answering, focus the verdict (as Study does).
  useEffect(() => {
    if (focusFeedback.current && showFeedback) {
      focusFeedback.current = false;
      feedbackRef.current?.focus();
    }
  });

  function choose(owner: Owner) {
    if (!answerable || !question) return;
    if (!isExam) focusFeedback.current = true;
    answerQuestion(owner);
    if (isExam) setStatus(`Answer ${owner} saved for question ${quiz.current + 1}.`);
  }

  function move(step: -1 | 1) {
    if (step === 1 && !canGoNext) return;
    if (step === -1 && isFirst) return;
    setStatus('');
    if (step === 1) next();
    else prev();
  }

  function jump(index: number) {
    setStatus('');
    goTo(index);
    // Same question chosen again: still bring focus back to it.
    if (index === quiz.current) questionRef.current?.focus();
  }

  function flag() {
    if (!isExam || !question) return;
    toggleFlag();
    setStatus(question.flagged ? `Question ${quiz.current + 1} unflagged.` : `Question ${quiz.current + 1} flagged for review.`);
  }

  /** Submit: always confirmed in exam mode; in practice only when questions are left. */
  function requestSubmit() {
    if (isExam || summary.unanswered > 0) setConfirming(true);
    else submit();
  }

  /** Practice: Next after the verdict; on the last question, the results. */
  function carryOn() {
    if (isExam || given === null) return;
    if (isLast) requestSubmit();
    else move(1);
  }

  useKeys(
    {
      '1': () => choose('AWS'),
      a: () => choose('AWS'),
      '2': () => choose('Customer'),
      c: () => choose('Customer'),
      '3': () => choose('Shared'),
      s: () => choose('Shared'),
      f: flag,
      ArrowLeft: () => move(-1),
      p: () => move(-1),
      ArrowRight: () => move(1),
      n: () => move(1),
      Enter: carryOn,
      ' ': carryOn,
      e: requestSubmit,
    },
    !confirming,
  );

  const answeredPercent = total > 0 ? (100 * summary.answered) / total : 0;
  const low = left !== null && left <= FIVE_MINUTES;
  const milestone = left === null ? '' : left <= ONE_MINUTE ? 'Less than 1 minute left.' : left <= FIVE_MINUTES ? 'Less than 5 minutes left.' : '';

  return (
    <section className="quiz-run" aria-labelledby="quiz-title">
      <h1 id="quiz-title" className="visually-hidden">
        {isExam ? 'Exam' : 'Practice quiz'}
      </h1>

      <div className="run-bar">
        <p className="run-progress">
          <span className="run-count">
            Question {quiz.current + 1} of {total}
          </span>
          <span className="chip">{isExam ? 'Exam' : 'Practice'}</span>
        </p>
        {left !== null ? (
          <p className={`countdown${low ? ' is-low' : ''}`}>
            <span className="countdown-label">{low ? <span aria-hidden="true">⚠ </span> : null}Time left</span>{' '}
            <span role="timer" className="clock">
              {formatClock(left)}
            </span>
          </p>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {milestone}
        </p>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Questions answered"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={summary.answered}
        aria-valuetext={`${summary.answered} of ${total} answered`}
      >
        <span style={{ width: `${answeredPercent}%` }} />
      </div>

      <article className="question-card" aria-labelledby="question-text">
        <div className="eyebrow">
          <span>{found ? (deckNames.get(found.deckId) ?? found.deckId) : 'Unavailable card'}</span>
          {question?.flagged ? (
            <span className="flag-badge">
              <span aria-hidden="true">⚑</span> Flagged for review
            </span>
          ) : null}
        </div>
        <h2 id="question-text" className="question-text" ref={questionRef} tabIndex={-1}>
          {card ? card.question : 'This card is no longer available (its deck was removed or changed). It does not count.'}
        </h2>

        {card ? (
          <OwnerButtons
            onAnswer={choose}
            disabled={!answerable}
            toggle={isExam}
            selected={isExam ? given : null}
            reveal={showFeedback && given !== null ? { correct: card.answer, chosen: given } : null}
          />
        ) : null}

        <div aria-live="polite" aria-atomic="true">
          {showFeedback && card && given !== null ? (
            <div ref={feedbackRef} tabIndex={-1} className={`verdict ${given === card.answer ? 'is-right' : 'is-wrong'}`}>
              <p className="verdict-title">
                <span className="verdict-icon" aria-hidden="true">
                  {given === card.answer ? '✓' : '✗'}
                </span>
                {given === card.answer ? 'Correct' : 'Not quite'}
              </p>
              <p>
                {given === card.answer ? (
                  <>
                    The answer is <strong>{card.answer}</strong>.
                  </>
                ) : (
                  <>
                    You answered <strong>{given}</strong>; the answer is <strong>{card.answer}</strong>.
                  </>
                )}
              </p>
              {card.explanation ? <p className="explanation">{card.explanation}</p> : null}
              <SourceLine source={card.source} />
            </div>
          ) : null}
        </div>

        {showFeedback ? (
          <div className="rating-buttons">
            <button type="button" className="btn primary rating-btn" onClick={carryOn} aria-keyshortcuts="Enter Space">
              <span>{isLast ? 'See results' : 'Next question'}</span>
              <span className="interval" aria-hidden="true">
                <kbd>Enter</kbd>
              </span>
            </button>
          </div>
        ) : null}

        {isExam ? (
          <p className="answer-note muted small">
            {given ? (
              <>
                Your answer: <strong>{given}</strong>. You can change it until you submit.
              </>
            ) : (
              'Not answered yet.'
            )}
          </p>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {status}
        </p>
      </article>

      <div className="run-controls">
        <div className="run-nav">
          <button type="button" className="btn" onClick={() => move(-1)} disabled={isFirst} aria-keyshortcuts="ArrowLeft P">
            <span aria-hidden="true">←</span> Previous <kbd aria-hidden="true">P</kbd>
          </button>
          {isExam ? (
            <button type="button" className="btn flag-btn" onClick={flag} aria-pressed={question?.flagged ?? false} aria-keyshortcuts="F">
              <span aria-hidden="true">{question?.flagged ? '⚑' : '⚐'}</span> Flag for review <kbd aria-hidden="true">F</kbd>
            </button>
          ) : null}
          {isExam || !showFeedback ? (
            <button type="button" className="btn" onClick={() => move(1)} disabled={!canGoNext} aria-keyshortcuts="ArrowRight N">
              Next <span aria-hidden="true">→</span> <kbd aria-hidden="true">N</kbd>
            </button>
          ) : null}
        </div>
        <button
          type="button"
          className={`btn ${isExam && summary.unanswered === 0 ? 'primary' : ''} submit-btn`}
          onClick={requestSubmit}
          aria-keyshortcuts="E"
        >
          {isExam ? 'Submit exam' : 'End quiz'} <kbd aria-hidden="true">E</kbd>
        </button>
      </div>

      {isExam ? (
        <nav className="navigator panel" aria-label="Question navigator">
          <div className="spread navigator-head">
            <h2 className="navigator-title">Questions</h2>
            <p className="small muted navigator-summary">
              {summary.answered} answered · {summary.unanswered} unanswered · {summary.flagged} flagged
            </p>
          </div>
          <ol className="nav-grid">
            {summary.items.map((item) => (
              <li key={item.key}>
                <button
                  type="button"
                  className={`nav-cell is-${item.status}${item.flagged ? ' is-flagged' : ''}`}
                  aria-label={navigatorName(item)}
                  aria-current={item.current ? 'step' : undefined}
                  onClick={() => jump(item.index)}
                >
                  <span className="nav-num" aria-hidden="true">
                    {item.number}
                  </span>
                  <span className="nav-marks" aria-hidden="true">
                    {item.status === 'answered' ? '✓' : '–'}
                    {item.flagged ? '⚑' : ''}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <p className="nav-legend small muted" aria-hidden="true">
            ✓ answered · – unanswered · ⚑ flagged · outlined: on screen
          </p>
        </nav>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={isExam ? 'Submit the exam?' : 'End the quiz?'}
        confirmLabel={isExam ? 'Submit exam' : 'End quiz'}
        cancelLabel={isExam ? 'Keep working' : 'Keep going'}
        initialFocus={summary.unanswered > 0 ? 'cancel' : 'confirm'}
        onConfirm={() => {
          setConfirming(false);
          submit();
        }}
        onCancel={() => setConfirming(false)}
      >
        {summary.unanswered > 0 ? (
          <p className="dialog-warning">
            <span aria-hidden="true">⚠ </span>
            <strong>{plural(summary.unanswered, 'question')} unanswered.</strong> Unanswered questions count as wrong.
          </p>
        ) : (
          <p>All {plural(total, 'question')} are answered.</p>
        )}
        {summary.flagged > 0 ? <p>{plural(summary.flagged, 'question')} flagged for review.</p> : null}
        <p>{isExam ? 'After submitting you cannot change your answers.' : 'You will see your results.'}</p>
      </ConfirmDialog>
    </section>
  );
}
