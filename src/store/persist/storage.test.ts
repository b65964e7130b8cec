import { describe, expect, it } from 'vitest';
import { MemoryStorage, isQuotaError } from './storage';

describe('MemoryStorage', () => {
  it('stores, lists and removes like Web Storage, counting key and value characters', () => {
    const storage = new MemoryStorage({ initial: { a: 'raw' } });
    storage.setItem('bb', 'xyz');
    expect(storage.length).toBe(2);
    expect([storage.key(0), storage.key(1), storage.key(2)]).toEqual(['a', 'bb', null]);
    expect(storage.usedChars()).toBe(1 + 3 + 2 + 3);
    storage.removeItem('a');
    expect(storage.getItem('a')).toBeNull();
    expect(storage.usedChars()).toBe(5);
    expect(storage.writtenChars).toBe(5);
  });

  it('throws QuotaExceededError past the character limit and keeps the old value', () => {
    const storage = new MemoryStorage({ quotaChars: 10 });
    storage.setItem('k', 'aaaa');
    let error: unknown;
    try {
      storage.setItem('k', 'aaaaaaaaaaaa');
    } catch (e) {
      error = e;
    }
    expect(isQuotaError(error)).toBe(true);
    expect(storage.getItem('k')).toBe('aaaa');
    storage.setItem('k', 'aaaaaaaaa');
    expect(storage.usedChars()).toBe(10);
  });

  it('fails writes on demand and every access when asked', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    expect(() => storage.setItem('k', 'v')).toThrow(/quota/i);
    storage.failWrites = false;
    storage.failAccess = true;
    expect(() => storage.getItem('k')).toThrow(/insecure/);
  });

  it('recognises quota errors of the main browsers only', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'SecurityError'))).toBe(false);
    expect(isQuotaError(new Error('boom'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
