/**
 * What the import preview shows and what "Import N cards" stores: the parsed deck matched
 * against the library (re-import of an existing deck, or a new deck), merged with planImport.
 */
import type { Deck } from '../../core/deck/types';
import { isDerivedCardId, uniqueId } from '../../core/import/ids';
import { planImport, type ImportPlan } from '../../core/import/merge';
import type { ImportResult, Problem } from '../../core/import/problem';

export interface PreparedImport {
  /** Where the text came from: a file name, or "Pasted text". */
  source: string;
  result: ImportResult;
  /** The user deck this import updates, if any. */
  target: Deck | null;
  /** Why it counts as a re-import of `target`. */
  matchedBy: 'id' | 'cards' | null;
  /** Set when the file's deck id belongs to a built-in deck and the deck gets a new id. */
  renamedFrom: string | null;
  /** The merged plan; null when nothing can be imported. */
  plan: ImportPlan | null;
}

/** The user deck a file updates: same deck id, or else the deck sharing most explicit card ids (Anki GUIDs, ids). */
export function findReimportTarget(incoming: Deck, userDecks: readonly Deck[]): { target: Deck; matchedBy: 'id' | 'cards' } | null {
  const sameId = userDecks.find((d) => d.id === incoming.id);
  if (sameId) return { target: sameId, matchedBy: 'id' };
  const explicit = incoming.cards.filter((card) => !isDerivedCardId(card.id, card.question)).map((card) => card.id);
  if (explicit.length === 0) return null;
  let best: Deck | null = null;
  let bestCount = 0;
  for (const deck of userDecks) {
    const ids = new Set(deck.cards.map((card) => card.id));
    const shared = explicit.filter((id) => ids.has(id)).length;
    if (shared > bestCount) {
      best = deck;
      bestCount = shared;
    }
  }
  return best ? { target: best, matchedBy: 'cards' } : null;
}

/**
 * Matches the parsed deck against the library. `separate`: the learner chose to add a
 * re-import as a new deck; it gets a free id and starts without progress.
 */
export function prepareImport(
  source: string,
  result: ImportResult,
  userDecks: readonly Deck[],
  builtinDecks: readonly Deck[],
  separate = false,
): PreparedImport {
  const incoming = result.deck;
  if (incoming === null) return { source, result, target: null, matchedBy: null, renamedFrom: null, plan: null };
  const match = findReimportTarget(incoming, userDecks);
  if (match && separate) {
    const taken = new Set([...builtinDecks, ...userDecks].map((d) => d.id));
    const deck: Deck = { ...incoming, id: uniqueId(incoming.id.slice(0, 60), taken), builtIn: false };
    return { source, result, target: match.target, matchedBy: match.matchedBy, renamedFrom: null, plan: planImport(undefined, deck) };
  }
  if (match) {
    return { source, result, target: match.target, matchedBy: match.matchedBy, renamedFrom: null, plan: planImport(match.target, incoming) };
  }
  if (builtinDecks.some((d) => d.id === incoming.id)) {
    const taken = new Set([...builtinDecks, ...userDecks].map((d) => d.id));
    const id = uniqueId(`${incoming.id.slice(0, 58)}-copy`, taken);
    const deck: Deck = { ...incoming, id, builtIn: false };
    return { source, result, target: null, matchedBy: null, renamedFrom: incoming.id, plan: planImport(undefined, deck) };
  }
  return { source, result, target: null, matchedBy: null, renamedFrom: null, plan: planImport(undefined, { ...incoming, builtIn: false }) };
}

/** The deck to store, with the name the learner typed (empty keeps the planned name). */
export function deckToStore(prepared: PreparedImport, name: string): Deck | null {
  const plan = prepared.plan;
  if (plan === null) return null;
  const trimmed = name.trim();
  return { ...plan.deck, builtIn: false, name: trimmed === '' ? plan.deck.name : trimmed };
}

/** The name field's first value: a re-import keeps the name the learner gave the deck. */
export function initialName(prepared: PreparedImport, separate = false): string {
  return (separate ? undefined : prepared.target?.name) ?? prepared.plan?.deck.name ?? '';
}

export interface ProblemView {
  /** "Line 3", "Card 2, line 6" or "Whole file". */
  where: string;
  /** Column or field name, if any. */
  field: string | null;
  /** The reason without the location prefix, starting with a capital letter. */
  reason: string;
  /** What happens: the row is skipped, the value ignored, or the file cannot be imported. */
  outcome: string;
  severity: Problem['severity'];
}

const LOCATION = /^(?:Line (\d+)|Card (\d+) \(line (\d+)\))(?:, (?:column|field) (\d+|[^:]+))?: /;

/** Splits "Line 3, column answer: the answer is empty" into where / field / reason for the table. */
export function describeProblem(problem: Problem, nothingImported = false): ProblemView {
  const match = LOCATION.exec(problem.message);
  let where = problem.line > 0 ? `Line ${problem.line}` : 'Whole file';
  let reason = problem.message;
  let field = problem.field ?? null;
  if (match) {
    const [prefix, line, card, cardLine, named] = match;
    where = line !== undefined ? `Line ${line}` : `Card ${card ?? ''}, line ${cardLine ?? ''}`;
    reason = problem.message.slice(prefix.length);
    if (named !== undefined) field = /^\d+$/.test(named) ? `column ${named}` : named;
  }
  if (field === null && problem.column !== undefined) field = `column ${problem.column}`;
  reason = reason.charAt(0).toUpperCase() + reason.slice(1);
  const outcome =
    problem.skipped === true ? 'Row skipped' : problem.severity === 'warning' ? 'Warning only' : nothingImported ? 'Nothing imported' : 'Not imported';
  return { where, field, reason, outcome, severity: problem.severity };
}
