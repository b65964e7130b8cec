import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store';
import { QuizResults } from './QuizResults';
import { QuizRun } from './QuizRun';
import { QuizSetupForm, ResumePanel } from './QuizSetup';
import { QuizHistory } from './QuizHistory';
import { useNow } from './useNow';
import './quiz.css';

/** Exam practice at /quiz: setup (or resume), the quiz itself, then results and history. */
export default function QuizScreen() {
  const ready = useAppStore((s) => s.ready);
  const quiz = useAppStore((s) => s.quiz);
  const attempts = useAppStore((s) => s.quizAttempts);
  const checkTime = useAppStore((s) => s.checkQuizTime);
  // The quiz the learner started or resumed on this visit; a quiz found on arrival is offered first.
  const [activeId, setActiveId] = useState<string | null>(null);

  const running = quiz !== null && quiz.submittedAt === null;
  const timed = running && quiz.deadline !== null;
  const now = useNow(timed);

  // Time running out submits the quiz, wherever the learner is on this screen.
  useEffect(() => {
    if (timed && quiz.deadline !== null && now >= quiz.deadline) checkTime();
  }, [timed, quiz, now, checkTime]);

  if (!ready) return <p className="loading" role="status">Loading your decks…</p>;

  if (quiz && quiz.submittedAt !== null) return <QuizResults key={quiz.id} quiz={quiz} />;

  if (quiz && activeId === quiz.id) return <QuizRun quiz={quiz} now={now} />;

  return (
    <section className="quiz-setup-screen stack" aria-labelledby="quiz-title">
      <div>
        <h1 id="quiz-title">Exam practice</h1>
        <p className="lede">Test yourself like the CLF-C02 exam: AWS, customer or shared? Quizzes never change your study schedule unless you ask.</p>
      </div>
      {quiz ? (
        <ResumePanel quiz={quiz} now={now} onResume={() => setActiveId(quiz.id)} />
      ) : (
        <QuizSetupForm onStarted={() => setActiveId(useAppStore.getState().quiz?.id ?? null)} />
      )}
      <QuizHistory attempts={attempts} />
    </section>
  );
}
