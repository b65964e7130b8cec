/**
 * The Shared Responsibility Model as data (decks/model.json). Every fact is one
 * responsibility with its owner, the seed files that support it, and the phrases the card
 * templates in core/deck/generate.ts need. Parsed and checked by ./parse.ts.
 */
import type { Owner } from '../deck/types';

export const CATEGORIES = ['infrastructure', 'container', 'abstracted', 'global'] as const;
/** AWS service category from the seeds, or `global` for facts that hold for every service. */
export type Category = (typeof CATEGORIES)[number];

export const CONTROL_TYPES = ['inherited', 'shared', 'customer'] as const;
/** Control type from seed 004: inherited (AWS only), shared (both), customer-specific (customer only). */
export type ControlType = (typeof CONTROL_TYPES)[number];

/** A built-in deck: the facts whose `deck` names it become its cards. */
export interface ModelDeck {
  id: string;
  name: string;
  description: string;
}

/** An AWS service the seeds name as an example of a category. */
export interface ModelService {
  /** Kebab-case tag value, e.g. `ec2`. */
  id: string;
  /** Full name as the seeds write it, e.g. `Amazon EC2`. */
  name: string;
  category: Exclude<Category, 'global'>;
  sources: string[];
}

export interface Fact {
  /** Kebab-case and stable forever: card ids and learning progress derive from it. */
  id: string;
  /** Id of the built-in deck the fact's cards go into. */
  deck: string;
  owner: Owner;
  category: Category;
  /** Id of a service in `services`, when the fact is about one service. */
  service?: string;
  /** Control type, when the fact is about one (seed 004). */
  control?: ControlType;
  /** Kebab-case topic for a `topic:` tag, e.g. `patching`. */
  topic: string;
  /** Noun phrase completing "Who is responsible for …?", lower-case start, no final punctuation. */
  subject: string;
  /** An exam-style question with its situation; ends with "?". */
  scenario: string;
  /** A short statement to classify, capitalised, no final punctuation. */
  statement: string;
  /** One or two sentences saying why the owner is right. */
  explanation: string;
  /** Seed file names (in /work/shared/seeds) that support the fact. */
  sources: string[];
  /** How an ambiguity between seeds was resolved, for reviewers. */
  notes?: string;
}

export interface SrmModel {
  format: 'srm-model';
  formatVersion: 1;
  /** The principle in two short sentences, for reviewers and the README. */
  principle: { aws: string; customer: string; sources: string[] };
  decks: ModelDeck[];
  services: ModelService[];
  facts: Fact[];
}
