import { useEffect } from 'react';
import { useAppStore } from '../store/store';

/** Applies the chosen theme; "system" leaves it to prefers-color-scheme in the stylesheet. */
export function useTheme(): void {
  const theme = useAppStore((s) => s.settings.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
