/**
 * The checks a file's bytes must pass before any format is tried: not empty, not too big,
 * not binary, valid UTF-8. Returns the text without its byte-order mark.
 */
import { LIMITS } from '../deck/schema';
import { fileProblem, type Problem } from './problem';

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: Problem };

/** How many leading bytes are inspected for control characters. */
const SAMPLE_BYTES = 64 * 1024;

function isSuspectControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;
}

/** 1-based line of a byte offset (counts LF bytes before it). */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1. Only used to point at the bad line. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) { i += 1; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeDeckBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, problem: fileProblem('The file is empty.') };
  if (bytes.length > LIMITS.maxFileBytes) {
    return { ok: false, problem: fileProblem('The file is larger than 10 MB; split it into smaller decks.') };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: fileProblem('The file is saved as UTF-16; save it as UTF-8 and import it again.') };
  }
  if (bytes.includes(0)) {
    return { ok: false, problem: fileProblem('This looks like a binary file, not a text deck (it contains NUL bytes).') };
  }
  const sample = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < sample; i += 1) if (isSuspectControl(bytes[i] ?? 0)) controls += 1;
  if (controls >= 8 && controls * 20 > sample) {
    return { ok: false, problem: fileProblem('This looks like a binary file, not a text deck (it is full of control characters).') };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = at < 0 ? 0 : lineAtByte(bytes, at);
    return {
      ok: false,
      problem: {
        line,
        message: `${line > 0 ? `Line ${line}: t` : 'T'}he file is not valid UTF-8 text (perhaps Latin-1 or Windows-1252). Save it as UTF-8 and import it again.`,
        severity: 'error',
      },
    };
  }
  return { ok: true, text: stripBom(text) };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
