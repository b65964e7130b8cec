import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { parseModel } from '../model/parse';
import { builtinDeckFiles, serializeDeckFile, toDeckFile } from './builtinDeckFile';
import { generateDecks } from './generate';
import { DeckFileSchema } from './schema';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const builtinDir = resolve(repoRoot, 'decks/builtin');
const model = parseModel(JSON.parse(readFileSync(resolve(repoRoot, 'decks/model.json'), 'utf8')));
const files = builtinDeckFiles(model);

describe('committed built-in decks', () => {
  test('are exactly the generated files (run `npm run decks` after editing decks/model.json)', () => {
    const committed = readdirSync(builtinDir).filter((name) => name.endsWith('.json')).sort();
    expect(committed).toEqual(files.map((f) => f.fileName).sort());
    for (const file of files) {
      expect(readFileSync(resolve(builtinDir, file.fileName), 'utf8'), file.fileName).toBe(file.content);
    }
  });
});

describe('deck file format', () => {
  const deck = generateDecks(model)[1];
  const file = toDeckFile(deck);

  test('has the srm-deck header and one entry per card with the fact as sibling key', () => {
    expect(Object.keys(file)).toEqual(['format', 'formatVersion', 'id', 'name', 'description', 'cards']);
    expect(file).toMatchObject({ format: 'srm-deck', formatVersion: 1, id: deck.id, name: deck.name, description: deck.description });
    expect(file.cards).toHaveLength(deck.cards.length);
    file.cards.forEach((card, i) => {
      expect(Object.keys(card)).toEqual(['id', 'question', 'answer', 'explanation', 'tags', 'source', 'fact']);
      const from = deck.cards[i];
      expect(card).toEqual({
        id: from.id,
        question: from.question,
        answer: from.answer,
        explanation: from.explanation,
        tags: from.tags,
        source: from.source,
        fact: from.sibling,
      });
    });
  });

  test('serialises as 2-space JSON with a trailing newline that parses back to the same file', () => {
    const text = serializeDeckFile(file);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "srm-deck",');
    expect(JSON.parse(text)).toEqual(file);
  });

  test.each(files.map((f) => [f.fileName, f.content] as const))('%s is valid under the app\'s deck file schema', (_name, content) => {
    const result = v.safeParse(DeckFileSchema, JSON.parse(content));
    expect(result.issues).toBeUndefined();
    expect(result.success).toBe(true);
  });

  test('file names are the deck ids', () => {
    expect(files.map((f) => f.fileName)).toEqual(['srm-fundamentals.json', 'srm-services.json', 'srm-controls.json']);
  });
});
