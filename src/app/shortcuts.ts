import { useEffect } from 'react';
import { SCREENS, navigate } from '../components/router';
import { isTypingTarget } from '../components/typing';

/** "G then a letter" goes to a screen, as in GitHub and Gmail: G H, G S, G Q, G D, G T. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    let pendingG = 0;
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (pendingG && event.timeStamp - pendingG < 1500) {
        pendingG = 0;
        const screen = SCREENS.find((s) => s.key === key);
        if (screen) {
          event.preventDefault();
          navigate(screen.path);
        }
        return;
      }
      if (key === 'g' && !event.shiftKey) pendingG = event.timeStamp;
    }
    // Capture phase: runs before screen-level handlers, which skip events marked defaultPrevented.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
