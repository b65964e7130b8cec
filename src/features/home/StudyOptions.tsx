import { useAppStore } from '../../store/store';
import { useAllDecks, useTagCounts } from '../../store/selectors';

const GROUPS: { prefix: string; label: string }[] = [
  { prefix: 'category:', label: 'Service category' },
  { prefix: 'service:', label: 'Service' },
  { prefix: 'control:', label: 'Control type' },
  { prefix: 'owner:', label: 'Owner' },
];

function tagLabel(tag: string): string {
  const at = tag.indexOf(':');
  return at < 0 ? tag : tag.slice(at + 1);
}

/** Which decks and tags study sessions draw from. */
export function StudyOptions() {
  const decks = useAllDecks();
  const excluded = useAppStore((s) => s.settings.excludedDecks);
  const studyTags = useAppStore((s) => s.settings.studyTags);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const tags = useTagCounts(decks.filter((d) => !excluded.includes(d.id)));
  const grouped = GROUPS.map((g) => ({ ...g, tags: tags.filter((t) => t.tag.startsWith(g.prefix)) })).filter((g) => g.tags.length > 0);
  const other = tags.filter((t) => !GROUPS.some((g) => t.tag.startsWith(g.prefix)));
  if (other.length > 0) grouped.push({ prefix: '', label: 'Other tags', tags: other });

  function toggleDeck(id: string, include: boolean) {
    updateSettings({ excludedDecks: include ? excluded.filter((d) => d !== id) : [...excluded, id] });
  }
  function toggleTag(tag: string, on: boolean) {
    updateSettings({ studyTags: on ? [...studyTags, tag] : studyTags.filter((t) => t !== tag) });
  }

  return (
    <details className="panel study-options">
      <summary>
        <span className="summary-title">Choose what to study</span>
        <span className="muted small">
          {decks.length - decks.filter((d) => excluded.includes(d.id)).length} of {decks.length} decks
          {studyTags.length > 0 ? ` · ${studyTags.length} tag ${studyTags.length === 1 ? 'filter' : 'filters'}` : ' · all tags'}
        </span>
      </summary>
      <fieldset className="options-group">
        <legend>Decks in study</legend>
        {decks.map((deck) => (
          <label key={deck.id} className="choice">
            <input type="checkbox" checked={!excluded.includes(deck.id)} onChange={(e) => toggleDeck(deck.id, e.currentTarget.checked)} />
            {deck.name} <span className="muted small">({deck.cards.length} cards)</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="options-group">
        <legend>Only cards with these tags</legend>
        <p className="muted small">Leave all unticked to study every card of the chosen decks.</p>
        {grouped.map((group) => (
          <div key={group.label} className="tag-group" role="group" aria-label={group.label}>
            <span className="tag-group-label" aria-hidden="true">
              {group.label}
            </span>
            <div className="tag-chips">
              {group.tags.map(({ tag, count }) => (
                <label key={tag} className="tag-chip">
                  <input type="checkbox" checked={studyTags.includes(tag)} onChange={(e) => toggleTag(tag, e.currentTarget.checked)} />
                  <span>
                    {tagLabel(tag)} <span className="muted">{count}</span>
                  </span>
                </label>
              ))}
            </div>
          </div>
        ))}
        {studyTags.length > 0 ? (
          <button type="button" className="btn small" onClick={() => updateSettings({ studyTags: [] })}>
            Clear tag filters
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
