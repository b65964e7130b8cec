import { useEffect, useRef, useState } from 'react';
import { Link } from '../../components/Link';
import { OwnerButtons } from '../../components/OwnerButtons';
import { useKeys } from '../../components/useKeys';
import { monotonicNow, wallNow } from '../../components/stopwatch';
import type { Owner } from '../../core/deck/types';
import { gradeBasicAnswer, gradeOwnerAnswer, type SelfGrade } from '../../core/grade/grade';
import type { PreviewItem } from '../../core/schedule/fsrs';
import type { GradeValue } from '../../core/schedule/types';
import { useAppStore } from '../../store/store';
import { useStudyView, type StudyItem } from '../../store/selectors';
import { SessionSummary } from './SessionSummary';
import { SourceLine } from '../../components/SourceLine';

/** What the learner sees after answering an owner card. */
interface OwnerFeedback {
  kind: 'owner';
  item: StudyItem;
  chosen: Owner;
  correct: boolean;
  /** Intervals each grade would give, computed from the card before this answer. */
  preview: PreviewItem[];
}

type Phase = { kind: 'question' } | { kind: 'basic-answer' } | OwnerFeedback;

const ADJUST: Record<'hard' | 'good' | 'easy', GradeValue> = { hard: 2, good: 3, easy: 4 };
const SELF_GRADES: { grade: SelfGrade; label: string; key: string }[] = [
  { grade: 'again', label: 'Again', key: '1' },
  { grade: 'hard', label: 'Hard', key: '2' },
  { grade: 'good', label: 'Good', key: '3' },
  { grade: 'easy', label: 'Easy', key: '4' },
];

function labelFor(preview: PreviewItem[], grade: GradeValue): string {
  return preview.find((p) => p.grade === grade)?.label ?? '';
}

export default function StudyScreen() {
  const ready = useAppStore((s) => s.ready);
  const view = useStudyView();
  const answer = useAppStore((s) => s.answerCard);
  const regrade = useAppStore((s) => s.regradeLast);
  const undo = useAppStore((s) => s.undoLast);
  const canUndo = useAppStore((s) => s.session.undo.length > 0);
  const previewFor = useAppStore((s) => s.previewCard);

  const [phase, setPhase] = useState<Phase>({ kind: 'question' });
  const shownAt = useRef(0);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);

  // The card on screen: while feedback is shown, keep showing the answered card.
  const item = phase.kind === 'question' || phase.kind === 'basic-answer' ? view.current : phase.item;
  const itemKey = item?.key ?? null;

  useEffect(() => {
    shownAt.current = monotonicNow();
  }, [itemKey]);

  function elapsed(): number {
    return Math.min(Math.round(monotonicNow() - shownAt.current), 120_000);
  }

  function answerOwner(owner: Owner) {
    if (!item || item.card.kind !== 'owner' || phase.kind !== 'question') return;
    const now = wallNow();
    const prior = previewFor(item.key, now);
    const { correct, rating } = gradeOwnerAnswer(item.card, owner);
    answer(item.key, rating, elapsed(), now);
    setPhase({ kind: 'owner', item, chosen: owner, correct, preview: prior });
  }

  function moveOn(adjust?: 'hard' | 'good' | 'easy') {
    if (phase.kind !== 'owner') return;
    if (phase.correct && adjust && adjust !== 'good') regrade(ADJUST[adjust]);
    setPhase({ kind: 'question' });
    questionRef.current?.focus();
  }

  function answerBasic(grade: SelfGrade) {
    if (!item || item.card.kind !== 'basic' || phase.kind !== 'basic-answer') return;
    answer(item.key, gradeBasicAnswer(grade).rating, elapsed());
    setPhase({ kind: 'question' });
  }

  function undoLast() {
    if (!canUndo) return;
    undo();
    setPhase({ kind: 'question' });
  }

  useKeys({
    '1': () => (phase.kind === 'basic-answer' ? answerBasic('again') : answerOwner('AWS')),
    '2': () => (phase.kind === 'basic-answer' ? answerBasic('hard') : answerOwner('Customer')),
    '3': () => (phase.kind === 'basic-answer' ? answerBasic('good') : answerOwner('Shared')),
    '4': () => answerBasic('easy'),
    a: () => answerOwner('AWS'),
    c: () => answerOwner('Customer'),
    s: () => answerOwner('Shared'),
    h: () => moveOn('hard'),
    e: () => moveOn('easy'),
    Enter: () => (phase.kind === 'owner' ? moveOn('good') : showBasicAnswer()),
    ' ': () => (phase.kind === 'owner' ? moveOn('good') : showBasicAnswer()),
    z: undoLast,
    'ctrl+z': undoLast,
  });

  function showBasicAnswer() {
    if (item?.card.kind === 'basic' && phase.kind === 'question') setPhase({ kind: 'basic-answer' });
  }

  useEffect(() => {
    if (phase.kind === 'owner') feedbackRef.current?.focus();
  }, [phase.kind]);

  if (!ready) return <p className="loading" role="status">Loading your decks…</p>;

  if (!item) {
    return <SessionSummary canUndo={canUndo} onUndo={undoLast} />;
  }

  const { card } = item;
  const deckName = view.deckNames.get(item.deckId) ?? item.deckId;

  return (
    <section aria-labelledby="study-title" className="study stack">
      <div className="spread">
        <h1 id="study-title" className="visually-hidden">
          Study
        </h1>
        <p className="counts study-counts" aria-label={`Left today: ${view.counts.new} new, ${view.counts.learning} learning, ${view.counts.review} due`}>
          <span>
            <span className="count-new">{view.counts.new}</span> new
          </span>
          <span>
            <span className="count-learn">{view.counts.learning}</span> learning
          </span>
          <span>
            <span className="count-due">{view.counts.review}</span> due
          </span>
        </p>
        <div className="row">
          <button type="button" className="btn small" onClick={undoLast} disabled={!canUndo} aria-keyshortcuts="Z Control+Z">
            Undo <kbd aria-hidden="true">Z</kbd>
          </button>
          <Link to="/" className="btn small">
            End session
          </Link>
        </div>
      </div>

      <article className="question-card" aria-labelledby="question-text">
        <div className="eyebrow">
          <span>{deckName}</span>
          <span aria-hidden="true">·</span>
          <span>{item.isNew ? 'New card' : item.isLearning ? 'Learning' : 'Review'}</span>
        </div>
        <h2 id="question-text" className="question-text" ref={questionRef} tabIndex={-1}>
          {card.question}
        </h2>

        {card.kind === 'owner' ? (
          <OwnerButtons
            onAnswer={answerOwner}
            disabled={phase.kind !== 'question'}
            reveal={phase.kind === 'owner' ? { correct: card.answer, chosen: phase.chosen } : null}
          />
        ) : phase.kind === 'question' ? (
          <div className="row">
            <button type="button" className="btn primary" onClick={showBasicAnswer} aria-keyshortcuts="Space Enter">
              Show answer <kbd aria-hidden="true">Space</kbd>
            </button>
          </div>
        ) : null}

        <div aria-live="polite" aria-atomic="true">
          {phase.kind === 'owner' ? (
            <div ref={feedbackRef} tabIndex={-1} className={`verdict ${phase.correct ? 'is-right' : 'is-wrong'}`}>
              <p className="verdict-title">
                <span className="verdict-icon" aria-hidden="true">
                  {phase.correct ? '✓' : '✗'}
                </span>
                <span>{phase.correct ? 'Correct' : 'Not quite'}</span>
              </p>
              <p>
                {phase.correct ? (
                  <>
                    The answer is <strong>{card.answer}</strong>.
                  </>
                ) : (
                  <>
                    You answered <strong>{phase.chosen}</strong>; the answer is <strong>{card.answer}</strong>.
                  </>
                )}
              </p>
              {card.explanation ? <p className="explanation">{card.explanation}</p> : null}
              <SourceLine source={card.source} />
            </div>
          ) : phase.kind === 'basic-answer' && card.kind === 'basic' ? (
            <div className="verdict">
              <p className="basic-back">{card.answer}</p>
              {card.explanation ? <p className="explanation">{card.explanation}</p> : null}
              <SourceLine source={card.source} />
            </div>
          ) : null}
        </div>

        {phase.kind === 'owner' ? (
          phase.correct ? (
            <div className="rating-buttons" role="group" aria-label="How did it go?">
              {(['hard', 'good', 'easy'] as const).map((adj) => {
                const grade = ADJUST[adj];
                const label = adj === 'hard' ? 'Hard' : adj === 'good' ? 'Good' : 'Easy';
                return (
                  <button
                    key={adj}
                    type="button"
                    className={`btn rating-btn ${adj === 'good' ? 'primary' : ''}`}
                    onClick={() => moveOn(adj)}
                    aria-keyshortcuts={adj === 'hard' ? 'H' : adj === 'easy' ? 'E' : 'Enter Space'}
                    aria-label={`${label}, next in ${labelFor(phase.preview, grade)}`}
                  >
                    <span>{label}</span>
                    <span className="interval" aria-hidden="true">
                      {labelFor(phase.preview, grade)} · <kbd>{adj === 'hard' ? 'H' : adj === 'easy' ? 'E' : 'Enter'}</kbd>
                    </span>
                  </button>
                );
              })}
            </div>
          ) : (
            <div className="rating-buttons">
              <button type="button" className="btn primary rating-btn" onClick={() => moveOn()} aria-keyshortcuts="Enter Space">
                <span>Continue</span>
                <span className="interval" aria-hidden="true">
                  again in {labelFor(phase.preview, 1)} · <kbd>Enter</kbd>
                </span>
              </button>
            </div>
          )
        ) : phase.kind === 'basic-answer' ? (
          <BasicGradeButtons preview={previewFor(item.key)} onGrade={answerBasic} />
        ) : null}
      </article>
    </section>
  );
}

function BasicGradeButtons({ preview, onGrade }: { preview: PreviewItem[]; onGrade: (g: SelfGrade) => void }) {
  return (
    <div className="rating-buttons" role="group" aria-label="How well did you remember?">
      {SELF_GRADES.map(({ grade, label, key }, i) => (
        <button
          key={grade}
          type="button"
          className={`btn rating-btn ${grade === 'good' ? 'primary' : ''}`}
          onClick={() => onGrade(grade)}
          aria-keyshortcuts={key}
          aria-label={`${label}, next in ${labelFor(preview, (i + 1) as GradeValue)}`}
        >
          <span>{label}</span>
          <span className="interval" aria-hidden="true">
            {labelFor(preview, (i + 1) as GradeValue)} · <kbd>{key}</kbd>
          </span>
        </button>
      ))}
    </div>
  );
}
