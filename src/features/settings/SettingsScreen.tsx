import { useMemo } from 'react';
import { getCollection } from '../../store/collection';
import { useAppStore } from '../../store/store';
import { THEMES, type Theme } from '../../store/settings';

const THEME_LABELS: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };
const RETENTIONS = [0.8, 0.85, 0.9, 0.93, 0.95, 0.97];
/** About what browsers give one origin in localStorage, in characters. */
const STORAGE_BUDGET = 5_000_000;

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

export default function SettingsScreen() {
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const version = useAppStore((s) => s.version);
  const status = useAppStore((s) => s.storage.status);
  const usage = useMemo(() => {
    void version;
    return getCollection().usage();
  }, [version]);

  function setNumber(field: 'newPerDay' | 'reviewsPerDay', value: number) {
    if (Number.isFinite(value)) updateSettings({ [field]: Math.max(0, Math.round(value)) });
  }

  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">Settings</h1>
      <fieldset className="panel">
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t} className="choice">
            <input type="radio" name="theme" value={t} checked={settings.theme === t} onChange={() => updateSettings({ theme: t })} />
            {THEME_LABELS[t]}
          </label>
        ))}
      </fieldset>
      <fieldset className="panel">
        <legend>Daily study</legend>
        <label className="field">
          <span>New cards per day</span>
          <input type="number" min={0} max={9999} value={settings.newPerDay} onChange={(e) => setNumber('newPerDay', e.currentTarget.valueAsNumber)} />
        </label>
        <label className="field">
          <span>Maximum reviews per day</span>
          <input type="number" min={0} max={99999} value={settings.reviewsPerDay} onChange={(e) => setNumber('reviewsPerDay', e.currentTarget.valueAsNumber)} />
        </label>
        <label className="field">
          <span>The study day starts at</span>
          <select value={settings.dayStartHour} onChange={(e) => updateSettings({ dayStartHour: Number(e.currentTarget.value) })}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
          <small className="muted">As in Anki: answers given before this hour count for the previous day.</small>
        </label>
        <label className="field">
          <span>Desired retention</span>
          <select value={settings.desiredRetention} onChange={(e) => updateSettings({ desiredRetention: Number(e.currentTarget.value) })}>
            {RETENTIONS.map((r) => (
              <option key={r} value={r}>
                {Math.round(r * 100)}%{r === 0.9 ? ' (recommended)' : ''}
              </option>
            ))}
          </select>
          <small className="muted">How likely you should be to remember a card when it comes due. Higher means more reviews.</small>
        </label>
      </fieldset>
      <section className="panel" aria-labelledby="storage-title">
        <h2 id="storage-title">Storage</h2>
        <p>
          {status === 'ok'
            ? 'Progress is saved in this browser after every answer.'
            : status === 'quota'
              ? 'Storage is full: recent progress is only in memory.'
              : status === 'unavailable'
                ? 'This browser does not allow the app to store data: progress is kept only until the tab closes.'
                : 'Stored data comes from a newer version of the app; this tab does not write.'}
        </p>
        <p className="muted small">
          Using {(usage.total / 1_000_000).toFixed(2)} M of about {(STORAGE_BUDGET / 1_000_000).toFixed(0)} M characters
          (card states {(usage.states / 1000).toFixed(0)} k, review log {(usage.logs / 1000).toFixed(0)} k, decks and settings{' '}
          {(usage.docs / 1000).toFixed(0)} k). Backups and restore are on the Decks screen.
        </p>
        <div className="progress-bar" role="progressbar" aria-label="Storage used" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((usage.total / STORAGE_BUDGET) * 100)}>
          <span style={{ width: `${Math.min(100, (usage.total / STORAGE_BUDGET) * 100)}%` }} />
        </div>
      </section>
    </section>
  );
}
