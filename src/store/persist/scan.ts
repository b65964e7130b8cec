/**
 * A tiny forward scanner for the compact log format: fields are read straight from char codes
 * instead of via split/regex/parseInt, which was ~5× slower on 100,000 entries.
 */

const COMMA = 44;
const MINUS = 45;

export class Scanner {
  /** Current position in `text`. */
  pos = 0;
  text = '';

  reset(text: string, pos = 0): void {
    this.text = text;
    this.pos = pos;
  }

  /**
   * A base-36 integer (optional '-', 1–11 digits 0-9a-z) ending at ',' (consumed), or when
   * `last`, exactly at `limit`. NaN when malformed or not a safe integer.
   */
  int36(limit: number, last: boolean): number {
    const text = this.text;
    let pos = this.pos;
    let negative = false;
    if (pos < limit && text.charCodeAt(pos) === MINUS) {
      negative = true;
      pos += 1;
    }
    let n = 0;
    const start = pos;
    while (pos < limit) {
      const c = text.charCodeAt(pos);
      let digit: number;
      if (c >= 48 && c <= 57) digit = c - 48;
      else if (c >= 97 && c <= 122) digit = c - 87;
      else break;
      n = n * 36 + digit;
      pos += 1;
    }
    const digits = pos - start;
    if (digits === 0 || digits > 11 || !Number.isSafeInteger(n)) return this.fail(limit);
    if (!this.end(pos, limit, last)) return this.fail(limit);
    return negative ? -n : n;
  }

  /** A single hexadecimal digit field. */
  hex(limit: number, last: boolean): number {
    const c = this.pos < limit ? this.text.charCodeAt(this.pos) : -1;
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0 || !this.end(this.pos + 1, limit, last)) return this.fail(limit);
    return digit;
  }

  private end(pos: number, limit: number, last: boolean): boolean {
    if (last) {
      this.pos = pos;
      return pos === limit;
    }
    if (pos >= limit || this.text.charCodeAt(pos) !== COMMA) return false;
    this.pos = pos + 1;
    return true;
  }

  private fail(limit: number): number {
    this.pos = limit;
    return Number.NaN;
  }
}
