/** Limits shared by every import format. Lengths are string lengths (UTF-16 code units). */
export const LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxCards: 50_000,
  deckName: 200,
  deckDescription: 4000,
  cardId: 200,
  question: 2000,
  answer: 2000,
  explanation: 4000,
  tag: 100,
  source: 500,
  fact: 200,
} as const;
