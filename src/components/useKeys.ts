import { useLayoutEffect, useRef } from 'react';
import { isTypingTarget } from './typing';

export type KeyHandlers = Record<string, (event: KeyboardEvent) => void>;

/**
 * Screen-level keyboard shortcuts. Keys are matched on `event.key` (lowercased letters, digits,
 * 'Enter', ' ', 'ctrl+z'). Ignored while typing in a field, with Alt/Meta held, or when
 * the global "G then letter" shortcut already took the key.
 */
export function useKeys(handlers: KeyHandlers, enabled = true): void {
  const ref = useRef(handlers);
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  // Registered before the screen is painted, so a key pressed as soon as it shows is not lost.
  useLayoutEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.metaKey || event.repeat) return;
      if (isTypingTarget(event.target)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const name = event.ctrlKey ? `ctrl+${key}` : key;
      const handler = ref.current[name];
      if (!handler) return;
      // Space and Enter on a focused button already activate it; don't act twice.
      if ((key === ' ' || key === 'Enter') && event.target instanceof HTMLElement && event.target.closest('button, a, summary, [role="button"]')) return;
      event.preventDefault();
      handler(event);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
