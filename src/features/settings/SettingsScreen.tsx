import { useAppStore } from '../../store/store';
import { THEMES, type Theme } from '../../store/settings';

const THEME_LABELS: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

export default function SettingsScreen() {
  const theme = useAppStore((s) => s.settings.theme);
  const newPerDay = useAppStore((s) => s.settings.newPerDay);
  const reviewsPerDay = useAppStore((s) => s.settings.reviewsPerDay);
  const updateSettings = useAppStore((s) => s.updateSettings);
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">Settings</h1>
      <fieldset className="panel">
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t} className="choice">
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => updateSettings({ theme: t })} />
            {THEME_LABELS[t]}
          </label>
        ))}
      </fieldset>
      <fieldset className="panel">
        <legend>Daily limits</legend>
        <label className="field">
          <span>New cards per day</span>
          <input type="number" min={0} max={9999} value={newPerDay} onChange={(e) => updateSettings({ newPerDay: e.currentTarget.valueAsNumber })} />
        </label>
        <label className="field">
          <span>Maximum reviews per day</span>
          <input type="number" min={0} max={99999} value={reviewsPerDay} onChange={(e) => updateSettings({ reviewsPerDay: e.currentTarget.valueAsNumber })} />
        </label>
      </fieldset>
    </section>
  );
}
