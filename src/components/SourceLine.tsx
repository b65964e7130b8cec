const SEED_FILE = /^(\d{3})_[0-9a-f]{16}\.txt$/;

/**
 * "Source: …" under an explanation. The built-in cards cite the seed documents by file name
 * (`001_0a4e5c7cdeddb7cc.txt`); those read as "seed documents 001, 004", with the file names
 * kept in the tooltip. Any other source (imported decks) is shown as written.
 */
export function formatSource(source: string): string {
  const parts = source.split(',').map((p) => p.trim()).filter(Boolean);
  const seeds = parts.map((p) => SEED_FILE.exec(p)?.[1]);
  if (parts.length === 0 || seeds.some((n) => n === undefined)) return source;
  return `${seeds.length === 1 ? 'seed document' : 'seed documents'} ${seeds.join(', ')}`;
}

export function SourceLine({ source }: { source: string }) {
  if (!source) return null;
  const shown = formatSource(source);
  return (
    <p className="source" title={shown === source ? undefined : source}>
      Source: {shown}
    </p>
  );
}
