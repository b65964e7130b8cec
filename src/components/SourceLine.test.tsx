import { describe, expect, test } from 'vitest';
import { formatSource } from './SourceLine';

describe('formatSource', () => {
  test.each([
    ['001_0a4e5c7cdeddb7cc.txt', 'seed document 001'],
    ['003_f77489d50a8f4ac0.txt, 000_204cd940fd966a6d.txt', 'seed documents 003, 000'],
    ['My notes, chapter 3', 'My notes, chapter 3'],
    ['001_0a4e5c7cdeddb7cc.txt, my notes', '001_0a4e5c7cdeddb7cc.txt, my notes'],
  ])('%s → %s', (source, shown) => {
    expect(formatSource(source)).toBe(shown);
  });
});
