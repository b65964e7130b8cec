import { expect, test } from 'vitest';
import { formatInterval } from './interval';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

test.each([
  [-5 * M, '<1m'],
  [0, '<1m'],
  [59 * S, '<1m'],
  [Number.NaN, '<1m'],
  [M, '1m'],
  [6 * M, '6m'],
  [10 * M, '10m'],
  [59 * M + 40 * S, '1h'],
  [90 * M, '2h'],
  [3 * H, '3h'],
  [23 * H + 40 * M, '1d'],
  [D, '1d'],
  [3 * D, '3d'],
  [29 * D, '29d'],
  [29.6 * D, '1mo'],
  [36 * D, '1.2mo'],
  [45 * D, '1.5mo'],
  [11.5 * 30 * D, '11.5mo'],
  [360 * D, '1y'],
  [365 * D, '1y'],
  [912.5 * D, '2.5y'],
  [36500 * D, '100y'],
])('formatInterval(%d) = %s', (ms, label) => {
  expect(formatInterval(ms)).toBe(label);
});
