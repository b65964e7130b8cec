/**
 * Reads a free-text card back (from an imported deck) as one of the three owners, or
 * returns null so the card stays a self-graded basic card.
 *
 * The rule is deliberately strict: after lower-casing, dropping punctuation, possessive
 * "'s", articles and a fixed list of filler words ("is responsible", "responsibility of"…),
 * the WHOLE remaining text must be a name of exactly one owner. Any extra word — an
 * explanation after a dash, "data", "not", "or" — makes the back ambiguous and yields null.
 */
import type { Owner } from '../deck/types';

/** Words that carry no information about who the owner is. */
const FILLER = new Set([
  'a', 'an', 'the', 'this', 'it', 'its',
  'is', 'are', 'of', 'by',
  'responsible', 'responsibility', 'responsibilities', 'owner', 'owned',
]);

/** Token sequences that name AWS. */
const AWS_NAMES = ['aws', 'amazon', 'amazon web services', 'amazon web services aws'];
/** Token sequences that name the customer. */
const CUSTOMER_NAMES = ['customer', 'customers', 'aws customer', 'aws customers'];

function pairs(): string[] {
  const out: string[] = [];
  for (const aws of AWS_NAMES) {
    for (const customer of CUSTOMER_NAMES) {
      out.push(`${aws} and ${customer}`, `${customer} and ${aws}`);
    }
  }
  return out;
}

/** Token sequences that name shared ownership: "shared", "both", and both parties named together. */
const SHARED_NAMES = (() => {
  const both = pairs();
  return [
    'shared',
    'both',
    'both parties',
    ...both,
    ...both.map((p) => `both ${p}`),
    ...both.map((p) => `shared between ${p}`),
    ...both.map((p) => `shared ${p}`),
  ];
})();

const LOOKUP: ReadonlyMap<string, Owner> = new Map<string, Owner>([
  ...AWS_NAMES.map((name): [string, Owner] => [name, 'AWS']),
  ...CUSTOMER_NAMES.map((name): [string, Owner] => [name, 'Customer']),
  ...SHARED_NAMES.map((name): [string, Owner] => [name, 'Shared']),
]);

/** Lower-cased words of the text with punctuation, possessives and filler removed. */
function ownerTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !FILLER.has(word));
}

export function normalizeOwner(text: string): Owner | null {
  return LOOKUP.get(ownerTokens(text).join(' ')) ?? null;
}
