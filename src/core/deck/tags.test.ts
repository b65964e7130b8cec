import { describe, expect, test } from 'vitest';
import { matchesTags, tagGroup } from './tags';

const ec2Customer = { id: 'a', tags: ['service:ec2', 'owner:customer'] };
const s3Aws = { id: 'b', tags: ['service:s3', 'owner:aws'] };
const rdsCustomer = { id: 'c', tags: ['service:rds', 'owner:customer'] };
const untagged = { id: 'd', tags: [] };
const all = [ec2Customer, s3Aws, rdsCustomer, untagged];

describe('matchesTags', () => {
  test.each([
    ['no tags: everything', [], ['a', 'b', 'c', 'd']],
    ['one tag', ['owner:customer'], ['a', 'c']],
    ['any tag within a group', ['service:ec2', 'service:s3'], ['a', 'b']],
    ['one from each group with ticks', ['service:ec2', 'service:s3', 'owner:customer'], ['a']],
    ['a plain tag forms its own group', ['zoning'], []],
  ])('%s', (_label, tags, expected) => {
    expect(all.filter(matchesTags(tags)).map((c) => c.id)).toEqual(expected);
  });
});

describe('tagGroup', () => {
  test.each([
    ['service:ec2', 'service'],
    ['topic:access-control', 'topic'],
    ['plain', ''],
    [':odd', ''],
  ])('%s → %s', (tag, group) => {
    expect(tagGroup(tag)).toBe(group);
  });
});
