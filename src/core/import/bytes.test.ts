import { expect, test } from 'vitest';
import { decodeDeckBytes, firstInvalidUtf8 } from './bytes';

test.each([
  [[0x61, 0x62], -1],
  [[0xc3, 0xa9], -1],
  [[0xe2, 0x82, 0xac], -1],
  [[0xf0, 0x9f, 0x98, 0x80], -1],
  [[0x61, 0xe9, 0x62], 1],
  [[0xc0, 0x80], 0],
  [[0xe0, 0x80, 0x80], 0],
  [[0xed, 0xa0, 0x80], 0],
  [[0xf4, 0x90, 0x80, 0x80], 0],
  [[0x61, 0xe2, 0x82], 1],
  [[0xff], 0],
])('firstInvalidUtf8(%j) = %i, agreeing with TextDecoder', (bytes, expected) => {
  const data = new Uint8Array(bytes);
  expect(firstInvalidUtf8(data)).toBe(expected);
  const fatal = (): string => new TextDecoder('utf-8', { fatal: true }).decode(data);
  if (expected < 0) expect(fatal).not.toThrow();
  else expect(fatal).toThrow();
});

test.each([
  [[0xef, 0xbb, 0xbf, 0x61], 'a'],
  [[0x61, 0x0d, 0x0a, 0x09, 0x0c], 'a\r\n\t\f'],
])('decodes %j without the BOM', (bytes, text) => {
  expect(decodeDeckBytes(new Uint8Array(bytes))).toEqual({ ok: true, text });
});
