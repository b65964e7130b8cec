/**
 * Turns the model (decks/model.json) into the built-in decks. Pure: the same model always
 * yields the same decks, cards and order.
 *
 * Every fact becomes one card per template. A card's id is `<fact id>.<template key>`, so
 * rewording a fact's phrases never changes ids (and never loses learning progress).
 */
import type { Fact, SrmModel } from '../model/types';
import type { Deck, OwnerCard } from './types';

export const TEMPLATE_KEYS = ['direct', 'scenario', 'statement'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** A deck generated from the model: built in, and every card is an owner card. */
export interface BuiltinDeck extends Deck {
  builtIn: true;
  cards: OwnerCard[];
}

const QUESTION: Record<TemplateKey, (fact: Fact) => string> = {
  direct: (fact) => `Who is responsible for ${fact.subject}?`,
  scenario: (fact) => fact.scenario,
  statement: (fact) => `Classify: ${fact.statement}`,
};

/** The stable id of the card a template makes from a fact. */
export function builtinCardId(factId: string, template: TemplateKey): string {
  return `${factId}.${template}`;
}

/** The question text a template makes from a fact. */
export function templateQuestion(fact: Fact, template: TemplateKey): string {
  return QUESTION[template](fact);
}

/** Filter tags: category, service, control, owner, topic; lower-case, no spaces. */
export function factTags(fact: Fact): string[] {
  const tags = [`category:${fact.category}`];
  if (fact.service !== undefined) tags.push(`service:${fact.service}`);
  if (fact.control !== undefined) tags.push(`control:${fact.control}`);
  tags.push(`owner:${fact.owner.toLowerCase()}`, `topic:${fact.topic}`);
  return tags;
}

/** All cards of one fact, one per template, in template order; they share `sibling` = fact id. */
export function factCards(fact: Fact): OwnerCard[] {
  return TEMPLATE_KEYS.map((template) => ({
    kind: 'owner',
    id: builtinCardId(fact.id, template),
    question: templateQuestion(fact, template),
    answer: fact.owner,
    explanation: fact.explanation,
    tags: factTags(fact),
    source: fact.sources.join(', '),
    sibling: fact.id,
  }));
}

/** The built-in decks in model order; each holds the cards of its facts in model order. */
export function generateDecks(model: SrmModel): BuiltinDeck[] {
  return model.decks.map((deck) => ({
    id: deck.id,
    name: deck.name,
    description: deck.description,
    builtIn: true,
    cards: model.facts.filter((fact) => fact.deck === deck.id).flatMap(factCards),
  }));
}
