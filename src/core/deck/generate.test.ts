import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseModel } from '../model/parse';
import type { SrmModel } from '../model/types';
import { builtinCardId, factCards, factTags, generateDecks, TEMPLATE_KEYS } from './generate';
import { DECK_ID_PATTERN, isOwner } from './types';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const model = parseModel(JSON.parse(readFileSync(resolve(repoRoot, 'decks/model.json'), 'utf8')));
const decks = generateDecks(model);
const cards = decks.flatMap((deck) => deck.cards);
const factById = new Map(model.facts.map((fact) => [fact.id, fact]));

function normalized(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').trim();
}

describe('generateDecks on the committed model', () => {
  test('makes the three built-in decks with valid ids', () => {
    expect(decks.map((d) => d.id)).toEqual(['srm-fundamentals', 'srm-services', 'srm-controls']);
    for (const deck of decks) {
      expect(deck.id).toMatch(DECK_ID_PATTERN);
      expect(deck.builtIn).toBe(true);
      expect(deck.cards.length).toBeGreaterThan(0);
    }
  });

  test('makes at least 150 cards', () => {
    expect(cards.length).toBeGreaterThanOrEqual(150);
  });

  test('every card is an owner card whose answer is its fact\'s owner', () => {
    for (const card of cards) {
      expect(card.kind).toBe('owner');
      expect(isOwner(card.answer)).toBe(true);
      expect(card.answer).toBe(factById.get(card.sibling)?.owner);
    }
  });

  test('card ids are unique across all decks and derived from fact id and template', () => {
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    for (const card of cards) {
      expect(TEMPLATE_KEYS.map((t) => builtinCardId(card.sibling, t))).toContain(card.id);
    }
  });

  test('no two cards share a question text, ignoring case and spacing', () => {
    const seen = new Map<string, string>();
    for (const card of cards) {
      const key = normalized(card.question);
      expect(seen.get(key), `${card.id} repeats the question of ${seen.get(key) ?? ''}`).toBeUndefined();
      seen.set(key, card.id);
    }
  });

  test.each(model.facts.map((fact) => [fact.id] as const))('fact %s yields one card per template, all siblings, in exactly one deck', (id) => {
    const holding = decks.filter((deck) => deck.cards.some((card) => card.sibling === id));
    expect(holding).toHaveLength(1);
    const siblings = cards.filter((card) => card.sibling === id);
    expect(siblings.map((c) => c.id)).toEqual(TEMPLATE_KEYS.map((t) => `${id}.${t}`));
    expect(new Set(siblings.map((c) => c.question)).size).toBe(TEMPLATE_KEYS.length);
    for (const card of siblings) {
      expect(card.source).toBe(factById.get(id)?.sources.join(', '));
      expect(card.explanation).toBe(factById.get(id)?.explanation);
    }
  });

  test('tags are lower-case key:value pairs without spaces, with category and owner always present', () => {
    for (const card of cards) {
      for (const tag of card.tags) expect(tag).toMatch(/^(category|service|control|owner|topic):[a-z0-9-]+$/);
      expect(card.tags.filter((t) => t.startsWith('category:'))).toHaveLength(1);
      expect(card.tags).toContain(`owner:${card.answer.toLowerCase()}`);
    }
  });

  test('is deterministic', () => {
    expect(generateDecks(model)).toEqual(decks);
  });
});

describe('templates', () => {
  const fact = factById.get('ec2-guest-os-patching');

  test('turn one fact into a direct question, a scenario and a statement to classify', () => {
    expect(fact).toBeDefined();
    if (fact === undefined) return;
    expect(factCards(fact).map((c) => [c.id, c.question])).toEqual([
      ['ec2-guest-os-patching.direct', `Who is responsible for ${fact.subject}?`],
      ['ec2-guest-os-patching.scenario', fact.scenario],
      ['ec2-guest-os-patching.statement', `Classify: ${fact.statement}`],
    ]);
  });

  test.each([
    ['ec2-guest-os-patching', ['category:infrastructure', 'service:ec2', 'owner:customer', 'topic:patching']],
    ['rds-os-patching', ['category:container', 'service:rds', 'owner:aws', 'topic:patching']],
    ['s3-client-side-encryption', ['category:abstracted', 'service:s3', 'owner:customer', 'topic:encryption']],
    ['patch-management-control', ['category:global', 'control:shared', 'owner:shared', 'topic:patching']],
    ['zone-security', ['category:global', 'control:customer', 'owner:customer', 'topic:zoning']],
    ['data-center-ups', ['category:global', 'control:inherited', 'owner:aws', 'topic:environmental']],
  ])('tag %s as %j', (id, tags) => {
    const f = factById.get(id);
    expect(f && factTags(f)).toEqual(tags);
  });
});

describe('card ids are stable', () => {
  function reworded(source: SrmModel): SrmModel {
    const copy = structuredClone(source);
    for (const fact of copy.facts) {
      fact.subject = `the reworded duty of ${fact.subject}`;
      fact.statement = `Reworded: ${fact.statement}`;
      fact.scenario = `In a reworded case, ${fact.scenario}`;
      fact.explanation = `Reworded. ${fact.explanation}`;
    }
    return copy;
  }

  test('across a rewording of every phrase', () => {
    const after = generateDecks(reworded(model));
    const afterCards = after.flatMap((d) => d.cards);
    expect(afterCards.map((c) => c.id)).toEqual(cards.map((c) => c.id));
    expect(after.map((d) => d.cards.map((c) => c.sibling))).toEqual(decks.map((d) => d.cards.map((c) => c.sibling)));
    // The rewording did reach every card: no question text survived.
    const before = new Set(cards.map((c) => c.question));
    for (const card of afterCards) expect(before.has(card.question)).toBe(false);
  });

  test('and follow the fact id, not its position', () => {
    const copy = structuredClone(model);
    copy.facts.reverse();
    const ids = new Set(generateDecks(copy).flatMap((d) => d.cards.map((c) => c.id)));
    expect(ids).toEqual(new Set(cards.map((c) => c.id)));
    const renamed = structuredClone(model);
    renamed.facts[0].id = 'renamed-fact';
    const first = generateDecks(renamed).flatMap((d) => d.cards)[0];
    expect(first.id).toBe('renamed-fact.direct');
    expect(first.sibling).toBe('renamed-fact');
  });
});
