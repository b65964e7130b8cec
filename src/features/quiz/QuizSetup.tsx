import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useKeys } from '../../components/useKeys';
import { durationMinutes, formatClock, remainingMs } from '../../core/quiz/timing';
import { navigatorSummary, type QuizSession } from '../../core/quiz/session';
import { useAppStore } from '../../store/store';
import { useAllDecks } from '../../store/selectors';
import {
  MAX_QUESTIONS,
  QUESTION_COUNTS,
  quizDecks,
  quizPool,
  type QuizSetup as Setup,
} from '../../store/quizSlice';
import { ConfirmDialog } from './ConfirmDialog';
import { formatMinutes, plural } from './format';
import { groupTags, TagPicker } from '../../components/TagPicker';

type CountChoice = (typeof QUESTION_COUNTS)[number] | 'custom';

function countChoiceOf(count: number): CountChoice {
  return (QUESTION_COUNTS as readonly number[]).includes(count) ? (count as CountChoice) : 'custom';
}

interface Props {
  /** Called after a quiz was started. */
  onStarted: () => void;
}

/** The setup form: decks, tags, number of questions, mode, weak areas; then "Start quiz". */
export function QuizSetupForm({ onStarted }: Props) {
  const saved = useAppStore((s) => s.quizSetup);
  const settings = useAppStore((s) => s.settings);
  const start = useAppStore((s) => s.startQuiz);
  const decks = useAllDecks();
  const formRef = useRef<HTMLFormElement>(null);
  const customRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  const [deckIds, setDeckIds] = useState<string[]>(() => quizDecks(decks, settings, saved.deckIds).map((d) => d.id));
  const [deckTouched, setDeckTouched] = useState(saved.deckIds !== null);
  const [tags, setTags] = useState<string[]>(saved.tags);
  const [countChoice, setCountChoice] = useState<CountChoice>(countChoiceOf(saved.count));
  const [custom, setCustom] = useState<string>(String(saved.count));
  const [mode, setMode] = useState(saved.mode);
  const [timed, setTimed] = useState(saved.timed);
  const [focusWeak, setFocusWeak] = useState(saved.focusWeak);
  const [problem, setProblem] = useState<string | null>(null);

  const chosenDecks = useMemo(() => decks.filter((d) => deckIds.includes(d.id)), [decks, deckIds]);
  const ownerCount = (deckId: string) => decks.find((d) => d.id === deckId)?.cards.filter((c) => c.kind === 'owner').length ?? 0;

  // Tags offered: those on the owner cards of the chosen decks, by group.
  const groups = useMemo(() => groupTags(quizPool(chosenDecks, []).flatMap(({ card }) => card.tags)), [chosenDecks]);

  // Chosen tags that no chosen deck has any more do not filter.
  const offered = useMemo(() => new Set(groups.flatMap((g) => g.tags)), [groups]);
  const activeTags = useMemo(() => tags.filter((t) => offered.has(t)), [tags, offered]);
  const poolSize = useMemo(() => quizPool(chosenDecks, activeTags).length, [chosenDecks, activeTags]);

  const customNumber = Number.parseInt(custom, 10);
  const wanted = countChoice === 'custom' ? customNumber : countChoice;
  const wantedValid = Number.isInteger(wanted) && wanted >= 1 && wanted <= MAX_QUESTIONS;
  const actual = wantedValid ? Math.min(wanted, poolSize) : 0;
  const minutes = durationMinutes(actual);

  function toggle(list: string[], value: string, on: boolean): string[] {
    return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!wantedValid) {
      setProblem(`Choose a number of questions from 1 to ${Math.min(MAX_QUESTIONS, Math.max(1, poolSize))}.`);
      customRef.current?.focus();
      return;
    }
    if (poolSize === 0) {
      setProblem('No questions match these decks and tags. Choose more decks or fewer tags.');
      return;
    }
    const setup: Setup = {
      deckIds: deckTouched ? deckIds : null,
      tags: activeTags,
      count: wanted,
      mode,
      timed,
      focusWeak,
    };
    if (start(setup)) onStarted();
    else setProblem('No questions match these decks and tags.');
  }

  useKeys({ Enter: () => formRef.current?.requestSubmit() });

  const summary = [
    wantedValid && poolSize < wanted ? `${plural(actual, 'question')} (only ${poolSize} match)` : plural(actual, 'question'),
    mode === 'exam' ? 'Exam' : 'Practice',
    mode === 'exam' ? (timed ? formatMinutes(minutes) : 'no time limit') : 'feedback after each answer',
    focusWeak ? 'weak areas first' : null,
  ].filter((part): part is string => part !== null);

  return (
    <form ref={formRef} className="quiz-setup stack" onSubmit={submit} aria-labelledby="quiz-title" noValidate>
      <div className="setup-grid">
        <fieldset className="panel setup-decks">
          <legend>Decks</legend>
          {decks.length === 0 ? <p className="muted">You have no decks.</p> : null}
          <ul className="plain-list">
            {decks.map((deck) => {
              const count = ownerCount(deck.id);
              return (
                <li key={deck.id}>
                  <label className="choice deck-choice">
                    <input
                      type="checkbox"
                      checked={deckIds.includes(deck.id)}
                      disabled={count === 0}
                      aria-labelledby={`${ids}-deck-${deck.id}-name`}
                      aria-describedby={`${ids}-deck-${deck.id}`}
                      onChange={(e) => {
                        setDeckIds(toggle(deckIds, deck.id, e.target.checked));
                        setDeckTouched(true);
                        setProblem(null);
                      }}
                    />
                    <span id={`${ids}-deck-${deck.id}-name`} className="choice-text">
                      {deck.name}
                    </span>
                    <span id={`${ids}-deck-${deck.id}`} className="muted small">
                      {count === 0 ? 'no owner questions' : plural(count, 'question')}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          {!deckTouched ? <p className="muted small hint">Ticked: the decks included in study.</p> : null}
        </fieldset>

        <fieldset className="panel setup-count">
          <legend>Questions</legend>
          <div className="segmented" role="radiogroup" aria-label="Number of questions">
            {[...QUESTION_COUNTS, 'custom' as const].map((choice) => (
              <label key={choice} className="segment">
                <input
                  type="radio"
                  name={`${ids}-count`}
                  value={choice}
                  checked={countChoice === choice}
                  onChange={() => {
                    setCountChoice(choice);
                    setProblem(null);
                  }}
                />
                <span>{choice === 'custom' ? 'Custom' : choice}</span>
              </label>
            ))}
          </div>
          {countChoice === 'custom' ? (
            <label className="field custom-count">
              <span>Custom number</span>
              <input
                ref={customRef}
                type="number"
                inputMode="numeric"
                min={1}
                max={Math.max(1, Math.min(MAX_QUESTIONS, poolSize))}
                value={custom}
                aria-invalid={!wantedValid}
                onChange={(e) => {
                  setCustom(e.target.value);
                  setProblem(null);
                }}
              />
            </label>
          ) : null}
          <p className="pool-size" role="status">
            <strong>{poolSize}</strong> {poolSize === 1 ? 'question matches' : 'questions match'} your decks and tags.
            {wantedValid && poolSize > 0 && poolSize < wanted ? (
              <span className="pool-warning">
                {' '}
                <span aria-hidden="true">⚠ </span>That is fewer than {wanted}, so the quiz will have {plural(poolSize, 'question')}.
              </span>
            ) : null}
          </p>
          <div className="weak-choice">
            <label className="choice">
              <input type="checkbox" checked={focusWeak} onChange={(e) => setFocusWeak(e.target.checked)} aria-describedby={`${ids}-weak`} />
              <span className="choice-text">Focus on weak areas</span>
            </label>
            <p id={`${ids}-weak`} className="muted small hint">
              Prefers cards you forgot in study, missed in past quizzes or are likely to forget now.
            </p>
          </div>
        </fieldset>

        <fieldset className="panel setup-mode">
          <legend>Mode</legend>
          <div className="mode-options">
            <label className="mode-option">
              <input type="radio" name={`${ids}-mode`} value="practice" checked={mode === 'practice'} onChange={() => setMode('practice')} aria-labelledby={`${ids}-practice-name`} aria-describedby={`${ids}-practice`} />
              <span>
                <span id={`${ids}-practice-name`} className="choice-text">Practice</span>
                <span id={`${ids}-practice`} className="muted small mode-desc">
                  The verdict and explanation after every answer. No time limit.
                </span>
              </span>
            </label>
            <label className="mode-option">
              <input type="radio" name={`${ids}-mode`} value="exam" checked={mode === 'exam'} onChange={() => setMode('exam')} aria-labelledby={`${ids}-exam-name`} aria-describedby={`${ids}-exam`} />
              <span>
                <span id={`${ids}-exam-name`} className="choice-text">Exam</span>
                <span id={`${ids}-exam`} className="muted small mode-desc">
                  Like the real exam: no feedback until you submit; flag questions, go back, change answers.
                </span>
              </span>
            </label>
          </div>
          {mode === 'exam' ? (
            <div className="choice timer-choice">
              <label className="choice">
                <input type="checkbox" checked={timed} onChange={(e) => setTimed(e.target.checked)} aria-describedby={`${ids}-timer`} />
                <span className="choice-text">Time limit</span>
              </label>
              <span id={`${ids}-timer`} className="muted small">
                {formatMinutes(minutes)} for {plural(actual, 'question')} (90 min per 65, as in the exam)
              </span>
            </div>
          ) : null}
        </fieldset>

        <fieldset className="panel setup-tags">
          <legend>Tags</legend>
          <p className="muted small hint">
            Tick nothing to use every card. Within a group any ticked tag matches; with ticks in several groups a card needs one from each.
          </p>
          <TagPicker
            groups={groups}
            selected={tags}
            onToggle={(tag, on) => {
              setTags(toggle(tags, tag, on));
              setProblem(null);
            }}
          />
          {activeTags.length > 0 ? (
            <button type="button" className="btn small" onClick={() => setTags([])}>
              Clear tags
            </button>
          ) : null}
        </fieldset>
      </div>

      <div className="start-bar panel">
        <p className="start-summary">
          <span className="visually-hidden">Your quiz: </span>
          {summary.join(' · ')}
        </p>
        <button type="submit" className="btn primary start-btn" aria-keyshortcuts="Enter">
          Start quiz <kbd aria-hidden="true">Enter</kbd>
        </button>
        {problem ? (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </form>
  );
}

interface ResumeProps {
  quiz: QuizSession;
  now: number;
  onResume: () => void;
}

/** Shown instead of the form while a quiz is running: resume it, or discard it. */
export function ResumePanel({ quiz, now, onResume }: ResumeProps) {
  const discard = useAppStore((s) => s.discardQuiz);
  const [confirming, setConfirming] = useState(false);
  const summary = navigatorSummary(quiz);
  const left = remainingMs(quiz, Math.max(now, quiz.createdAt));

  useKeys({ Enter: onResume, r: onResume, d: () => setConfirming(true) }, !confirming);

  return (
    <section className="panel resume-panel stack" aria-labelledby="resume-title">
      <div>
        <h2 id="resume-title">You have a quiz in progress</h2>
        <p>
          {quiz.mode === 'exam' ? 'Exam' : 'Practice'} · {summary.answered} of {plural(summary.total, 'question')} answered
          {summary.flagged > 0 ? ` · ${summary.flagged} flagged` : ''}
          {left !== null ? ` · ${formatClock(left)} left` : ''}
        </p>
        {left !== null ? <p className="muted small">The timer keeps running while you are away.</p> : null}
      </div>
      <div className="row">
        <button type="button" className="btn primary" onClick={onResume} aria-keyshortcuts="Enter R">
          Resume quiz <kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" className="btn danger" onClick={() => setConfirming(true)} aria-keyshortcuts="D">
          Discard quiz <kbd aria-hidden="true">D</kbd>
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Discard this quiz?"
        confirmLabel="Discard quiz"
        cancelLabel="Keep it"
        initialFocus="cancel"
        danger
        onConfirm={() => {
          setConfirming(false);
          discard();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>Your answers so far are thrown away and the quiz does not count in your history.</p>
      </ConfirmDialog>
    </section>
  );
}
