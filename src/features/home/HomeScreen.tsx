export function HomeScreen() {
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Today</h1>
      <p className="lede">Learn who secures what in AWS: security of the cloud, and security in the cloud.</p>
    </section>
  );
}
