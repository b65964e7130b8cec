/**
 * A small iterative JSON syntax scanner (no values are built). It finds where a broken file
 * goes wrong, for engines whose JSON.parse message has no position, and where each element of
 * the top-level "cards" array starts, so card problems can name a line.
 */

export type JsonScan =
  | { ok: true; cardOffsets: number[] }
  | { ok: false; offset: number; reason: string };

type State = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'colon' | 'commaOrEnd' | 'end';

interface Frame {
  kind: 'object' | 'array';
  key: string;
  isCards: boolean;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

function describe(ch: string): string {
  return ch === "'" ? `unexpected "'"` : `unexpected '${ch}'`;
}

/** End offset (after the closing quote) of the string at `start`, or an error. */
function scanString(text: string, start: number): { end: number } | { offset: number; reason: string } {
  let j = start + 1;
  while (j < text.length) {
    const ch = text[j] ?? '';
    if (ch === '"') return { end: j + 1 };
    if (ch === '\\') {
      const esc = text[j + 1] ?? '';
      if (esc === 'u') {
        if (!HEX4.test(text.slice(j + 2, j + 6))) return { offset: j, reason: 'a \\u escape needs four hex digits' };
        j += 6;
        continue;
      }
      if (!ESCAPES.has(esc)) return { offset: j, reason: 'invalid escape in text' };
      j += 2;
      continue;
    }
    if (ch.charCodeAt(0) < 0x20) return { offset: j, reason: 'a line break or control character inside quoted text (is a closing quote missing?)' };
    j += 1;
  }
  return { offset: text.length, reason: 'the file ends inside quoted text (a closing quote is missing)' };
}

export function scanJson(text: string): JsonScan {
  const stack: Frame[] = [];
  let state: State = 'value';
  let cardOffsets: number[] = [];
  let i = 0;
  const fail = (offset: number, reason: string): JsonScan => ({ ok: false, offset, reason });
  const afterValue = (): State => (stack.length === 0 ? 'end' : 'commaOrEnd');
  while (true) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
    if (i >= text.length) {
      return state === 'end' ? { ok: true, cardOffsets } : fail(text.length, 'the file ends too early (a closing bracket or brace is missing)');
    }
    const ch = text[i] ?? '';
    const top = stack[stack.length - 1];
    if (state === 'end') return fail(i, `${describe(ch)} after the end of the data`);
    if (state === 'colon') {
      if (ch !== ':') return fail(i, `expected ':' after a field name, found '${ch}'`);
      i += 1;
      state = 'value';
      continue;
    }
    if (state === 'commaOrEnd') {
      if (top === undefined) return fail(i, describe(ch));
      if (ch === ',') {
        state = top.kind === 'object' ? 'key' : 'value';
        i += 1;
        continue;
      }
      if ((ch === '}' && top.kind === 'object') || (ch === ']' && top.kind === 'array')) {
        stack.pop();
        i += 1;
        state = afterValue();
        continue;
      }
      return fail(i, `expected ',' or '${top.kind === 'object' ? '}' : ']'}', found '${ch}' (is a comma missing?)`);
    }
    if (state === 'keyOrEnd' || state === 'key') {
      if (state === 'keyOrEnd' && ch === '}') {
        stack.pop();
        i += 1;
        state = afterValue();
        continue;
      }
      if (ch !== '"') return fail(i, `expected a field name in double quotes, found '${ch}'${ch === '}' ? ' (trailing comma?)' : ''}`);
      const str = scanString(text, i);
      if ('offset' in str) return fail(str.offset, str.reason);
      if (top !== undefined) top.key = text.slice(i + 1, str.end - 1);
      i = str.end;
      state = 'colon';
      continue;
    }
    // state is 'value' or 'valueOrEnd'
    if (state === 'valueOrEnd' && ch === ']') {
      stack.pop();
      i += 1;
      state = afterValue();
      continue;
    }
    if (top?.isCards === true) cardOffsets.push(i);
    if (ch === '{') {
      stack.push({ kind: 'object', key: '', isCards: false });
      state = 'keyOrEnd';
      i += 1;
      continue;
    }
    if (ch === '[') {
      const isCards = stack.length === 1 && top?.kind === 'object' && top.key === 'cards';
      if (isCards) cardOffsets = [];
      stack.push({ kind: 'array', key: '', isCards });
      state = 'valueOrEnd';
      i += 1;
      continue;
    }
    if (ch === '"') {
      const str = scanString(text, i);
      if ('offset' in str) return fail(str.offset, str.reason);
      i = str.end;
      state = afterValue();
      continue;
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
    if (literal !== undefined) {
      i += literal.length;
      state = afterValue();
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number !== null) {
      i += number[0].length;
      state = afterValue();
      continue;
    }
    if (ch === ']' || ch === '}') return fail(i, `unexpected '${ch}' where a value should be (trailing comma?)`);
    return fail(i, `${describe(ch)} where a value should be${ch === "'" ? ' (JSON needs double quotes)' : ''}`);
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A reusable offset → 1-based line lookup (binary search over line starts; LF, CRLF or a lone CR end a line). */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
