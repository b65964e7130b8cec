export default function DecksScreen() {
  return (
    <section aria-labelledby="decks-title">
      <h1 id="decks-title">Decks</h1>
    </section>
  );
}
