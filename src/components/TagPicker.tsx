import { tagGroup } from '../core/deck/tags';
import { GROUP_ORDER, groupLabel, tagValueLabel } from './tagLabels';

export interface TagGroup {
  group: string;
  tags: string[];
}

/** Groups tags for the picker: the known groups first in their order, the rest alphabetically. */
export function groupTags(tags: Iterable<string>): TagGroup[] {
  const byGroup = new Map<string, Set<string>>();
  for (const tag of tags) byGroup.set(tagGroup(tag), (byGroup.get(tagGroup(tag)) ?? new Set<string>()).add(tag));
  const rank = (g: string) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : g === '' ? 1000 : 100);
  return [...byGroup.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([group, set]) => ({ group, tags: [...set].sort((a, b) => tagValueLabel(a).localeCompare(tagValueLabel(b))) }));
}

interface Props {
  groups: readonly TagGroup[];
  selected: readonly string[];
  onToggle: (tag: string, on: boolean) => void;
  /** How many cards carry each tag, shown beside it when given. */
  counts?: ReadonlyMap<string, number>;
}

/**
 * Tag checkboxes by group (service category, service, control type, owner); other groups,
 * such as topics, fold away until one of their tags is ticked. Used by study and quiz alike.
 */
export function TagPicker({ groups, selected, onToggle, counts }: Props) {
  return (
    <>
      {groups.map(({ group, tags }) => {
        const list = (
          <ul className="tag-choices" aria-label={groupLabel(group)}>
            {tags.map((tag) => (
              <li key={tag}>
                <label className="tag-choice">
                  <input type="checkbox" checked={selected.includes(tag)} onChange={(e) => onToggle(tag, e.currentTarget.checked)} />
                  <span>
                    {tagValueLabel(tag)}
                    {counts ? <span className="tag-count"> {counts.get(tag) ?? 0}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        );
        const chosen = tags.filter((t) => selected.includes(t)).length;
        return GROUP_ORDER.includes(group) ? (
          <div key={group} className="tag-group">
            <p className="tag-group-title" aria-hidden="true">
              {groupLabel(group)}
            </p>
            {list}
          </div>
        ) : (
          <details key={group} className="tag-group" open={chosen > 0}>
            <summary className="tag-group-title">
              {groupLabel(group)}{' '}
              <span className="muted small">
                ({tags.length}
                {chosen > 0 ? `, ${chosen} ticked` : ''})
              </span>
            </summary>
            {list}
          </details>
        );
      })}
    </>
  );
}
