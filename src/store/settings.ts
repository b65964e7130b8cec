import * as v from 'valibot';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const SettingsSchema = v.object({
  theme: v.fallback(v.picklist(THEMES), 'system'),
  newPerDay: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999)), 20),
  reviewsPerDay: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99999)), 200),
  dayStartHour: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)), 4),
  desiredRetention: v.fallback(v.pipe(v.number(), v.minValue(0.7), v.maxValue(0.99)), 0.9),
  /** Decks (by id) excluded from study; everything else is included. */
  excludedDecks: v.fallback(v.array(v.string()), []),
  /** Built-in decks the learner has hidden from the library and from study. */
  hiddenDecks: v.fallback(v.array(v.string()), []),
  /** When non-empty, study draws only cards carrying at least one of these tags. */
  studyTags: v.fallback(v.array(v.string()), []),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Reads stored settings leniently: each bad field falls back to its default instead of losing the rest. */
export function parseSettings(raw: unknown): Settings {
  const input = typeof raw === 'object' && raw !== null ? raw : {};
  const result = v.safeParse(SettingsSchema, input);
  return result.success ? result.output : DEFAULT_SETTINGS;
}
