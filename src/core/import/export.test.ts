import { describe, expect, test } from 'vitest';
import type { Card, Deck } from '../deck/types';
import { exportDeckCsv, exportDeckJson } from './export';
import { parseDeckText } from './parseDeck';

const cards: Card[] = [
  { id: 'ec2', question: 'Who patches the EC2 guest OS?', kind: 'owner', answer: 'Customer', explanation: 'IaaS, "so" the customer.', tags: ['service:ec2', 'owner:customer'], source: 'AWS, docs', sibling: 'patching' },
  { id: 'multi', question: 'Line one\nline two', kind: 'basic', answer: 'A, B; C\tD', explanation: '', tags: [], source: '', sibling: 'multi' },
];
const deck: Deck = { id: 'srm-x', name: 'SRM X', description: 'About X', builtIn: false, cards };

describe('exportDeckJson', () => {
  test('writes the native format with fact only when the sibling differs', () => {
    expect(JSON.parse(exportDeckJson(deck))).toEqual({
      format: 'srm-deck',
      formatVersion: 1,
      id: 'srm-x',
      name: 'SRM X',
      description: 'About X',
      cards: [
        { id: 'ec2', question: 'Who patches the EC2 guest OS?', answer: 'Customer', explanation: 'IaaS, "so" the customer.', tags: ['service:ec2', 'owner:customer'], source: 'AWS, docs', fact: 'patching' },
        { id: 'multi', question: 'Line one\nline two', answer: 'A, B; C\tD' },
      ],
    });
    expect(exportDeckJson(deck)).toMatch(/^\{\n {2}"format": "srm-deck",\n/);
  });

  test('re-imports to the same deck', () => {
    const result = parseDeckText('x.json', exportDeckJson(deck));
    expect(result.problems).toEqual([]);
    expect(result.deck).toEqual(deck);
  });
});

describe('exportDeckCsv', () => {
  test('writes RFC 4180 with the fixed header', () => {
    expect(exportDeckCsv(deck)).toBe(
      'id,question,answer,explanation,tags,source,fact\r\n' +
        'ec2,Who patches the EC2 guest OS?,Customer,"IaaS, ""so"" the customer.",service:ec2 owner:customer,"AWS, docs",patching\r\n' +
        'multi,"Line one\nline two","A, B; C\tD",,,,\r\n',
    );
  });

  test('re-imports to the same cards', () => {
    const result = parseDeckText('SRM X.csv', exportDeckCsv(deck));
    expect(result.problems).toEqual([]);
    expect(result.deck?.cards).toEqual(cards);
  });
});
