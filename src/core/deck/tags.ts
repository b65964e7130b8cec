import type { Card } from './types';

/** The group of a tag: the part before ':' (`service:ec2` → `service`), or '' for plain tags. */
export function tagGroup(tag: string): string {
  const at = tag.indexOf(':');
  return at > 0 ? tag.slice(0, at) : '';
}

/**
 * The tag filter used by study and quiz: a card matches when, in every group with a chosen tag,
 * it has at least one of that group's chosen tags (any within a group, all across groups), so
 * `service:ec2` + `owner:customer` means "EC2 cards the customer owns". No chosen tags: every
 * card matches.
 */
export function matchesTags(tags: readonly string[]): (card: Pick<Card, 'tags'>) => boolean {
  const byGroup = new Map<string, Set<string>>();
  for (const tag of tags) byGroup.set(tagGroup(tag), (byGroup.get(tagGroup(tag)) ?? new Set<string>()).add(tag));
  const groups = [...byGroup.values()];
  return (card) => groups.every((group) => card.tags.some((t) => group.has(t)));
}
