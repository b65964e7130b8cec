/**
 * The slice of the Web Storage API the persistence layer uses, an in-memory implementation
 * for tests (and for the app when localStorage is unavailable), and error classification.
 */

/** The subset of `Storage` (window.localStorage) this layer calls. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * True for the errors browsers throw when a write does not fit: `QuotaExceededError`
 * (Chromium, Safari, current Firefox; legacy code 22) and `NS_ERROR_DOM_QUOTA_REACHED`
 * (older Firefox, code 1014).
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = 'name' in error ? error.name : undefined;
  const code = 'code' in error ? error.code : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export function quotaError(message = 'The quota has been exceeded.'): Error {
  return new DOMException(message, 'QuotaExceededError');
}

export interface MemoryStorageOptions {
  /** Raw key → value pairs present before the first call, e.g. corrupt values or a fixture. */
  initial?: Readonly<Record<string, string>>;
  /**
   * Total characters (keys + values, as browsers count them) the storage accepts; a write that
   * would go over throws QuotaExceededError. Default: unlimited.
   */
  quotaChars?: number;
}

/**
 * A `Storage` in a Map. Knobs for fault tests: `quotaChars` (a character limit), `failWrites`
 * (every setItem throws QuotaExceededError while true), `failAccess` (every call throws a
 * SecurityError, as some private modes do). `writtenChars` counts the characters passed to
 * setItem (keys + values) so tests can bound what one operation writes.
 */
export class MemoryStorage implements StorageLike {
  private readonly data = new Map<string, string>();
  private used = 0;
  private keyList: string[] | null = null;
  quotaChars: number;
  failWrites = false;
  failAccess = false;
  writtenChars = 0;
  writeCount = 0;

  constructor(options: MemoryStorageOptions = {}) {
    this.quotaChars = options.quotaChars ?? Number.POSITIVE_INFINITY;
    for (const [key, value] of Object.entries(options.initial ?? {})) {
      this.data.set(key, value);
      this.used += key.length + value.length;
    }
  }

  get length(): number {
    this.checkAccess();
    return this.data.size;
  }

  key(index: number): string | null {
    this.checkAccess();
    this.keyList ??= [...this.data.keys()];
    return this.keyList[index] ?? null;
  }

  getItem(key: string): string | null {
    this.checkAccess();
    return this.data.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.checkAccess();
    const text = String(value);
    if (this.failWrites) throw quotaError();
    const previous = this.data.get(key);
    const next = this.used - (previous === undefined ? 0 : key.length + previous.length) + key.length + text.length;
    if (next > this.quotaChars) throw quotaError();
    if (previous === undefined) this.keyList = null;
    this.data.set(key, text);
    this.used = next;
    this.writtenChars += key.length + text.length;
    this.writeCount += 1;
  }

  removeItem(key: string): void {
    this.checkAccess();
    const previous = this.data.get(key);
    if (previous === undefined) return;
    this.data.delete(key);
    this.keyList = null;
    this.used -= key.length + previous.length;
  }

  clear(): void {
    this.checkAccess();
    this.data.clear();
    this.keyList = null;
    this.used = 0;
  }

  /** Characters stored (keys + values). */
  usedChars(): number {
    return this.used;
  }

  /** A copy of everything stored, e.g. to snapshot or to seed another MemoryStorage. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.data);
  }

  private checkAccess(): void {
    if (this.failAccess) throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}
