// Regenerates the built-in decks from decks/model.json:
//   npm run decks             writes decks/builtin/<deck-id>.json (and removes stale deck files)
//   npm run decks -- --check  writes nothing; exits 1 if the committed files are out of date
// The model is validated and turned into decks by the pure TypeScript in src/core,
// loaded through Vite's module runner.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'decks', 'builtin');
const check = process.argv.includes('--check');

const viteConfig = { configFile: false, root, logLevel: 'error' };
const { module: modelModule } = await runnerImport(join(root, 'src/core/model/parse.ts'), viteConfig);
const { module: fileModule } = await runnerImport(join(root, 'src/core/deck/builtinDeckFile.ts'), viteConfig);

const model = modelModule.parseModel(JSON.parse(await readFile(join(root, 'decks', 'model.json'), 'utf8')));
const files = fileModule.builtinDeckFiles(model);
const wanted = new Set(files.map((file) => file.fileName));

async function existing() {
  try {
    return (await readdir(outDir)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
}

const stale = (await existing()).filter((name) => !wanted.has(name));
const changed = [];
for (const file of files) {
  const path = join(outDir, file.fileName);
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current !== file.content) changed.push(file.fileName);
}

if (check) {
  const problems = [...changed.map((name) => `out of date: ${name}`), ...stale.map((name) => `stale: ${name}`)];
  if (problems.length > 0) {
    console.error(`Built-in decks differ from decks/model.json (run npm run decks):\n${problems.join('\n')}`);
    process.exit(1);
  }
  process.stdout.write(`Built-in decks are up to date (${files.length} files).\n`);
} else {
  await mkdir(outDir, { recursive: true });
  for (const file of files) {
    if (changed.includes(file.fileName)) await writeFile(join(outDir, file.fileName), file.content);
  }
  for (const name of stale) await rm(join(outDir, name));
  for (const file of files) {
    const cards = JSON.parse(file.content).cards.length;
    process.stdout.write(`decks/builtin/${file.fileName}: ${cards} cards${changed.includes(file.fileName) ? ' (written)' : ''}\n`);
  }
  for (const name of stale) process.stdout.write(`decks/builtin/${name}: removed (no longer in the model)\n`);
}
