import { create } from 'zustand';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

const SETTINGS_KEY = 'srm:v1:doc:settings';

function readSettings(): Settings {
  try {
    const raw = localStorage.getItem(SETTINGS_KEY);
    return raw === null ? DEFAULT_SETTINGS : parseSettings(JSON.parse(raw));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export interface AppState {
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => void;
}

export const useAppStore = create<AppState>()((set, get) => ({
  settings: readSettings(),
  updateSettings: (patch) => {
    const settings = parseSettings({ ...get().settings, ...patch });
    set({ settings });
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    } catch {
      // Kept in memory; the storage layer reports the failure.
    }
  },
}));
