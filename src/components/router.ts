import { useSyncExternalStore } from 'react';

/** The app's screens, each with its own URL. */
export const SCREENS = [
  { path: '/', label: 'Home', key: 'h' },
  { path: '/study', label: 'Study', key: 's' },
  { path: '/quiz', label: 'Quiz', key: 'q' },
  { path: '/decks', label: 'Decks', key: 'd' },
  { path: '/settings', label: 'Settings', key: 't' },
] as const;

export type ScreenPath = (typeof SCREENS)[number]['path'];

const NAVIGATE_EVENT = 'srm:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

/** The current pathname, re-rendering on history changes (back/forward and `navigate`). */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, currentPath);
}

/** Matches a pathname to a screen; unknown paths return null (the shell shows "not found"). */
export function matchScreen(pathname: string): ScreenPath | null {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const screen = SCREENS.find((s) => s.path === trimmed);
  return screen ? screen.path : null;
}

/** Pushes a new history entry (so the browser's back button works) and re-renders. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
