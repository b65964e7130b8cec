export default function StudyScreen() {
  return (
    <section aria-labelledby="study-title">
      <h1 id="study-title">Study</h1>
    </section>
  );
}
