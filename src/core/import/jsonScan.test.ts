import { describe, expect, test } from 'vitest';
import { lineColumn, lineLocator, scanJson } from './jsonScan';
import { positionFromMessage } from './parseJson';

describe('scanJson', () => {
  test.each([
    ['{}'],
    ['  {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}  '],
    ['[]'],
    ['"text"'],
    ['0'],
  ])('accepts %j like JSON.parse', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(scanJson(text).ok).toBe(true);
  });

  test.each([
    ['{"a":}', 5, "unexpected '}' where a value should be (trailing comma?)"],
    ['{"a":1,}', 7, "expected a field name in double quotes, found '}' (trailing comma?)"],
    ['[1,]', 3, "unexpected ']' where a value should be (trailing comma?)"],
    ['{"a" 1}', 5, "expected ':' after a field name, found '1'"],
    ["{'a':1}", 1, "expected a field name in double quotes, found '''"],
    ['{"a":1', 6, 'the file ends too early (a closing bracket or brace is missing)'],
    ['{"a":"x', 7, 'the file ends inside quoted text (a closing quote is missing)'],
    ['{"a":"x\ny"}', 7, 'a line break or control character inside quoted text (is a closing quote missing?)'],
    ['{"a":"\\q"}', 6, 'invalid escape in text'],
    ['{"a":"\\u12"}', 6, 'a \\u escape needs four hex digits'],
    ['{"a":tru}', 5, "unexpected 't' where a value should be"],
    ['{"a":01}', 6, "expected ',' or '}', found '1' (is a comma missing?)"],
    ['{} {}', 3, "unexpected '{' after the end of the data"],
    ['', 0, 'the file ends too early (a closing bracket or brace is missing)'],
  ])('rejects %j at offset %i', (text, offset, reason) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(scanJson(text)).toEqual({ ok: false, offset, reason });
  });

  test('finds where each top-level card starts, the last "cards" winning', () => {
    const text = '{"cards": [0], "x": {"cards": [9]}, "cards": [\n  {"q": "[{"},\n  "s",\n  [1, {"a": 2}]\n]}';
    const scan = scanJson(text);
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    const lineOf = lineLocator(text);
    expect(scan.cardOffsets.map(lineOf)).toEqual([2, 3, 4]);
    expect(scan.cardOffsets.map((offset) => text[offset])).toEqual(['{', '"', '[']);
  });
});

describe('positions', () => {
  test.each([
    ['a\nbc\r\nd', 0, { line: 1, column: 1 }],
    ['a\nbc\r\nd', 3, { line: 2, column: 2 }],
    ['a\nbc\r\nd', 6, { line: 3, column: 1 }],
  ])('lineColumn(%j, %i)', (text, offset, expected) => {
    expect(lineColumn(text, offset)).toEqual(expected);
  });

  test('lineLocator counts LF, CRLF and lone CR', () => {
    const lineOf = lineLocator('a\nb\r\nc\rd');
    expect([0, 2, 5, 7].map(lineOf)).toEqual([1, 2, 3, 4]);
  });

  test.each([
    ['Expected \',\' or \'}\' after property value in JSON at position 8', { line: 2, column: 3 }],
    ['Expected \',\' or \'}\' after property value in JSON at position 8 (line 2 column 3)', { line: 2, column: 3 }],
    ['JSON.parse: expected \',\' or \'}\' after property value in object at line 2 column 3 of the JSON data', { line: 2, column: 3 }],
    ['Unexpected token \'}\', "{"a":}" is not valid JSON', null],
    ['JSON Parse error: Unexpected identifier "tru"', null],
  ])('positionFromMessage(%j)', (message, expected) => {
    expect(positionFromMessage('{"a":\n1 2}', message)).toEqual(expected);
  });
});

test('the scanner agrees with this engine where its message names a position', () => {
  const text = '{"a":\n1 2}';
  let message = '';
  try {
    JSON.parse(text);
  } catch (error) {
    message = error instanceof Error ? error.message : '';
  }
  const scan = scanJson(text);
  expect(scan.ok).toBe(false);
  const fromMessage = positionFromMessage(text, message);
  if (!scan.ok && fromMessage !== null) expect(lineColumn(text, scan.offset)).toEqual(fromMessage);
  expect(scan.ok ? null : lineColumn(text, scan.offset)).toEqual({ line: 2, column: 3 });
});
