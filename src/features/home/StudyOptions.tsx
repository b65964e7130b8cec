import { useMemo } from 'react';
import { groupTags, TagPicker } from '../../components/TagPicker';
import { useAppStore } from '../../store/store';
import { useAllDecks, useTagCounts } from '../../store/selectors';

/** Which decks and tags study sessions draw from. */
export function StudyOptions() {
  const decks = useAllDecks();
  const excluded = useAppStore((s) => s.settings.excludedDecks);
  const studyTags = useAppStore((s) => s.settings.studyTags);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const setDeckIncluded = useAppStore((s) => s.setDeckIncluded);
  const included = useMemo(() => decks.filter((d) => !excluded.includes(d.id)), [decks, excluded]);
  const counts = useTagCounts(included);
  const groups = useMemo(() => groupTags(counts.keys()), [counts]);

  function toggleTag(tag: string, on: boolean) {
    updateSettings({ studyTags: on ? [...studyTags, tag] : studyTags.filter((t) => t !== tag) });
  }

  return (
    <details className="panel study-options">
      <summary>
        <span className="summary-title">Choose what to study</span>
        <span className="muted small">
          {included.length} of {decks.length} decks
          {studyTags.length > 0 ? ` · ${studyTags.length} tag ${studyTags.length === 1 ? 'filter' : 'filters'}` : ' · all tags'}
        </span>
      </summary>
      <fieldset className="options-group">
        <legend>Decks in study</legend>
        {decks.map((deck) => (
          <label key={deck.id} className="choice">
            <input type="checkbox" checked={!excluded.includes(deck.id)} onChange={(e) => setDeckIncluded(deck.id, e.currentTarget.checked)} />
            {deck.name} <span className="muted small">({deck.cards.length} cards)</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="options-group">
        <legend>Only cards with these tags</legend>
        <p className="muted small">
          Leave all unticked to study every card of the chosen decks. Within a group any ticked tag matches; with ticks in several
          groups a card needs one from each.
        </p>
        <TagPicker groups={groups} selected={studyTags} onToggle={toggleTag} counts={counts} />
        {studyTags.length > 0 ? (
          <button type="button" className="btn small" onClick={() => updateSettings({ studyTags: [] })}>
            Clear tag filters
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
