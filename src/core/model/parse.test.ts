import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseModel } from './parse';

const modelPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../decks/model.json');

/** A fresh, mutable copy of the committed model as plain JSON. */
function rawModel(): Record<string, unknown> & { facts: Record<string, unknown>[]; decks: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(modelPath, 'utf8'));
}

function errorOf(json: unknown): string {
  try {
    parseModel(json);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('parseModel accepted an invalid model');
}

describe('parseModel', () => {
  test('accepts the committed model and keeps its facts in order', () => {
    const raw = rawModel();
    const model = parseModel(raw);
    expect(model.facts.map((f) => f.id)).toEqual(raw.facts.map((f) => f.id));
    expect(model.decks.map((d) => d.id)).toEqual(['srm-fundamentals', 'srm-services', 'srm-controls']);
  });

  test.each<[string, (m: ReturnType<typeof rawModel>) => unknown, string]>([
    ['a non-object', () => 'model', '(root):'],
    ['a wrong format', (m) => ({ ...m, format: 'other' }), 'format:'],
    ['an owner outside the three', (m) => { m.facts[3].owner = 'Amazon'; return m; }, 'facts[3].owner:'],
    ['a missing explanation', (m) => { delete m.facts[5].explanation; return m; }, 'facts[5].explanation:'],
    ['an unknown key', (m) => { m.facts[0].answer = 'AWS'; return m; }, 'facts[0].answer:'],
    ['a non-kebab id', (m) => { m.facts[2].id = 'EC2 Patching'; return m; }, 'facts[2].id: must be kebab-case'],
    ['no sources', (m) => { m.facts[4].sources = []; return m; }, 'facts[4].sources: must cite at least one seed file'],
    ['a source that is not a seed file name', (m) => { m.facts[4].sources = ['aws-docs.html']; return m; }, 'facts[4].sources[0]:'],
    ['a scenario that is not a question', (m) => { m.facts[1].scenario = 'The customer patches.'; return m; }, 'facts[1].scenario: must end with "?"'],
    ['a subject with final punctuation', (m) => { m.facts[1].subject = 'patching things.'; return m; }, 'facts[1].subject:'],
    ['a statement starting lower-case', (m) => { m.facts[1].statement = 'patching things'; return m; }, 'facts[1].statement:'],
    ['a bad category', (m) => { m.facts[6].category = 'paas'; return m; }, 'facts[6].category:'],
    ['a duplicate fact id', (m) => { m.facts[7].id = m.facts[2].id; return m; }, 'facts[7].id: duplicate id'],
    ['an unknown deck', (m) => { m.facts[0].deck = 'srm-nowhere'; return m; }, 'facts[0].deck: unknown deck "srm-nowhere"'],
    ['an unknown service', (m) => { m.facts.forEach((f) => { if (f.service === 'ec2') f.service = 'lambda'; }); return m; }, 'service: unknown service "lambda"'],
    ['a category that contradicts the service', (m) => { const f = m.facts.find((x) => x.service === 'rds'); if (f) f.category = 'abstracted'; return m; }, 'but service "rds" is "container"'],
    ['an inherited control not owned by AWS', (m) => { const f = m.facts.find((x) => x.control === 'inherited'); if (f) f.owner = 'Shared'; return m; }, 'inherited controls are AWS only'],
    ['a customer-specific control not owned by the customer', (m) => { const f = m.facts.find((x) => x.control === 'customer'); if (f) f.owner = 'AWS'; return m; }, 'customer-specific controls are Customer only'],
    ['a deck without facts', (m) => { m.decks.push({ id: 'srm-empty', name: 'Empty', description: 'Nothing.' }); return m; }, 'decks[3]: deck "srm-empty" has no facts'],
  ])('rejects %s with a readable path', (_label, mutate, expected) => {
    expect(errorOf(mutate(rawModel()))).toContain(expected);
  });

  test('lists every problem, not just the first', () => {
    const m = rawModel();
    m.facts[1].owner = 'Nobody';
    m.facts[2].sources = [];
    const message = errorOf(m);
    expect(message).toContain('facts[1].owner:');
    expect(message).toContain('facts[2].sources:');
  });
});
