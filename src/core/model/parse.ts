/**
 * Loads decks/model.json: checks its shape with valibot, then the cross-references
 * (unique ids, known decks and services, category matching the service), and throws one
 * Error listing every problem with its path, e.g. `facts[3].owner: …`.
 */
import * as v from 'valibot';
import { DECK_ID_PATTERN, OWNERS } from '../deck/types';
import { CATEGORIES, CONTROL_TYPES, type SrmModel } from './types';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Seed file names look like `003_f77489d50a8f4ac0.txt`. */
export const SEED_FILE_PATTERN = /^\d{3}_[0-9a-f]{16}\.txt$/;

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const kebabId = v.pipe(v.string(), v.regex(KEBAB, 'must be kebab-case (a-z, 0-9, single hyphens)'));
const sources = v.pipe(
  v.array(v.pipe(v.string(), v.regex(SEED_FILE_PATTERN, 'must be a seed file name like 003_f77489d50a8f4ac0.txt'))),
  v.minLength(1, 'must cite at least one seed file'),
  v.check((list) => new Set(list).size === list.length, 'must not cite a seed file twice'),
);

const deckSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(DECK_ID_PATTERN, 'must be a valid deck id')),
  name: text,
  description: text,
});

const serviceSchema = v.strictObject({
  id: kebabId,
  name: text,
  category: v.picklist(['infrastructure', 'container', 'abstracted'] as const),
  sources,
});

const factSchema = v.strictObject({
  id: kebabId,
  deck: v.string(),
  owner: v.picklist(OWNERS),
  category: v.picklist(CATEGORIES),
  service: v.optional(kebabId),
  control: v.optional(v.picklist(CONTROL_TYPES)),
  topic: kebabId,
  subject: v.pipe(text, v.regex(/^[a-z].*[^.?!:;,]$/s, 'must start lower-case and end without punctuation')),
  scenario: v.pipe(text, v.endsWith('?', 'must end with "?"')),
  statement: v.pipe(text, v.regex(/^[A-Z].*[^.?!:;,]$/s, 'must start upper-case and end without punctuation')),
  explanation: v.pipe(text, v.endsWith('.', 'must end with "."')),
  sources,
  notes: v.optional(text),
});

const modelSchema = v.strictObject({
  format: v.literal('srm-model'),
  formatVersion: v.literal(1),
  principle: v.strictObject({ aws: text, customer: text, sources }),
  decks: v.pipe(v.array(deckSchema), v.minLength(1, 'must list at least one deck')),
  services: v.array(serviceSchema),
  facts: v.pipe(v.array(factSchema), v.minLength(1, 'must list at least one fact')),
});

// Compile-time check that the schema produces exactly the hand-written model type.
const typedSchema: v.GenericSchema<unknown, SrmModel> = modelSchema;

function formatPath(path: readonly v.IssuePathItem[] | undefined): string {
  if (path === undefined || path.length === 0) return '(root)';
  let out = '';
  for (const item of path) {
    const key: unknown = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Problems a schema cannot see: duplicates and references between parts of the model. */
function crossReferenceProblems(model: SrmModel): string[] {
  const problems: string[] = [];
  const firstIndex = <T extends { id: string }>(list: T[], what: string): Map<string, number> => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const earlier = seen.get(item.id);
      if (earlier !== undefined) problems.push(`${what}[${i}].id: duplicate id "${item.id}" (also ${what}[${earlier}])`);
      else seen.set(item.id, i);
    });
    return seen;
  };
  const decks = firstIndex(model.decks, 'decks');
  firstIndex(model.services, 'services');
  firstIndex(model.facts, 'facts');
  const services = new Map(model.services.map((s) => [s.id, s]));
  const usedDecks = new Set<string>();

  model.facts.forEach((fact, i) => {
    const at = `facts[${i}]`;
    if (!decks.has(fact.deck)) problems.push(`${at}.deck: unknown deck "${fact.deck}"`);
    usedDecks.add(fact.deck);
    if (fact.service !== undefined) {
      const service = services.get(fact.service);
      if (service === undefined) problems.push(`${at}.service: unknown service "${fact.service}"`);
      else if (service.category !== fact.category) {
        problems.push(`${at}.category: "${fact.category}" but service "${service.id}" is "${service.category}"`);
      }
    }
    if (fact.control === 'inherited' && fact.owner !== 'AWS') problems.push(`${at}.owner: inherited controls are AWS only`);
    if (fact.control === 'customer' && fact.owner !== 'Customer') problems.push(`${at}.owner: customer-specific controls are Customer only`);
  });
  model.decks.forEach((deck, i) => {
    if (!usedDecks.has(deck.id)) problems.push(`decks[${i}]: deck "${deck.id}" has no facts`);
  });
  return problems;
}

/** Validates parsed JSON as the model; throws an Error naming every problem with its path. */
export function parseModel(json: unknown): SrmModel {
  const result = v.safeParse(typedSchema, json);
  if (!result.success) {
    const lines = result.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new Error(`Invalid model:\n${lines.join('\n')}`);
  }
  const problems = crossReferenceProblems(result.output);
  if (problems.length > 0) throw new Error(`Invalid model:\n${problems.join('\n')}`);
  return result.output;
}
