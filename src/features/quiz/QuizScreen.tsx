export default function QuizScreen() {
  return (
    <section aria-labelledby="quiz-title">
      <h1 id="quiz-title">Exam practice</h1>
    </section>
  );
}
