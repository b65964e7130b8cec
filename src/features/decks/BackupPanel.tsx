import { useMemo, useState, type RefObject } from 'react';
import type { Backup } from '../../store/persist/backup';
import { getCollection } from '../../store/collection';
import { downloadBackup } from '../../store/downloads';
import type { LibraryOutcome } from '../../store/librarySlice';
import { useAppStore } from '../../store/store';
import { countBackup, readBackupText, type BackupCounts } from './backupSummary';
import { BackupFirst, Dialog } from './Dialog';

interface Props {
  restoreInputRef: RefObject<HTMLInputElement | null>;
  onOutcome: (outcome: LibraryOutcome) => void;
}

type Pending = { kind: 'restore'; fileName: string; backup: Backup } | { kind: 'erase' } | null;

const ROWS: { key: keyof BackupCounts; label: string }[] = [
  { key: 'decks', label: 'Imported decks' },
  { key: 'cards', label: 'Cards in imported decks' },
  { key: 'progress', label: 'Cards with progress' },
  { key: 'reviews', label: 'Reviews in the history' },
  { key: 'quizAttempts', label: 'Quiz attempts' },
];

async function fileText(file: File): Promise<string> {
  return file.text();
}

export function BackupPanel({ restoreInputRef, onOutcome }: Props) {
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const restore = useAppStore((s) => s.restoreFromBackup);
  const erase = useAppStore((s) => s.eraseAllData);

  async function onRestoreFile(file: File | undefined) {
    setError(null);
    if (!file) return;
    if (file.size > 50 * 1024 * 1024) {
      setError(`“${file.name}” is larger than 50 MB, which is more than browser storage can hold, so it cannot be a backup of this app.`);
      return;
    }
    const read = readBackupText(await fileText(file));
    if (!read.ok) setError(`“${file.name}”: ${read.error}`);
    else setPending({ kind: 'restore', fileName: file.name, backup: read.backup });
  }

  return (
    <section className="panel stack backup-panel" aria-labelledby="backup-title">
      <div>
        <h2 id="backup-title">Backup and restore</h2>
        <p className="muted small">
          A backup is one JSON file with every imported deck, card progress, review history, quiz attempt and setting. Keep one before big changes;
          restoring replaces everything in this browser.
        </p>
      </div>
      <div className="row">
        <button type="button" className="btn" onClick={() => downloadBackup()}>
          Download backup <kbd aria-hidden="true">B</kbd>
        </button>
        <span className="lib-file-button">
          <input
            ref={restoreInputRef}
            id="restore-backup-input"
            className="lib-file-input"
            type="file"
            accept=".json,application/json"
            aria-label="Restore backup"
            onChange={(e) => {
              const input = e.currentTarget;
              void onRestoreFile(input.files?.[0]).finally(() => {
                input.value = '';
              });
            }}
          />
          <label htmlFor="restore-backup-input" className="btn" aria-hidden="true">
            Restore backup… <kbd>R</kbd>
          </label>
        </span>
      </div>
      {error ? (
        <p className="lib-form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="lib-danger-zone">
        <div>
          <h3>Erase all data</h3>
          <p className="muted small">Removes imported decks, all progress, quiz attempts and settings from this browser.</p>
        </div>
        <button type="button" className="btn danger" onClick={() => setPending({ kind: 'erase' })}>
          Erase all data…
        </button>
      </div>

      {pending?.kind === 'restore' ? (
        <RestoreDialog
          fileName={pending.fileName}
          backup={pending.backup}
          onClose={() => setPending(null)}
          onConfirm={() => {
            const outcome = restore(pending.backup);
            setPending(null);
            onOutcome(outcome.ok ? { ok: true, message: `Restored the backup “${pending.fileName}”.` } : outcome);
          }}
        />
      ) : null}
      {pending?.kind === 'erase' ? (
        <Dialog
          title="Erase all data?"
          tone="danger"
          onClose={() => setPending(null)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setPending(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="btn danger"
                onClick={() => {
                  const outcome = erase();
                  setPending(null);
                  onOutcome(outcome);
                }}
              >
                Erase everything
              </button>
            </>
          }
        >
          <p>
            This removes every imported deck, all card progress and review history, quiz attempts and your settings. Built-in decks stay, starting
            fresh.
          </p>
          <p>
            <strong>There is no undo:</strong> only a backup file can bring the data back, so download one first if you may want it.
          </p>
          <BackupFirst />
        </Dialog>
      ) : null}
    </section>
  );
}

function RestoreDialog({ fileName, backup, onClose, onConfirm }: { fileName: string; backup: Backup; onClose: () => void; onConfirm: () => void }) {
  const version = useAppStore((s) => s.version);
  const clock = useAppStore((s) => s.clock);
  const incoming = useMemo(() => countBackup(backup), [backup]);
  const current = useMemo(() => {
    void version;
    return countBackup(getCollection().exportBackup(clock));
  }, [version, clock]);
  const made = new Date(backup.exportedAt);
  return (
    <Dialog
      title="Restore this backup?"
      tone="danger"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn danger" onClick={onConfirm}>
            Restore this backup
          </button>
        </>
      }
    >
      <p>
        <strong>{fileName}</strong>, made {Number.isNaN(made.getTime()) ? 'at an unknown time' : made.toLocaleString()}. Restoring replaces
        everything stored in this browser with the file’s contents, in one step: if it fails, nothing changes.
      </p>
      <div className="lib-table-scroll">
        <table className="data lib-compare">
          <caption className="visually-hidden">What the backup holds compared with now</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">In the backup</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{incoming[row.key].toLocaleString('en-US')}</td>
                <td>{current[row.key].toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="lib-dialog-aside">
        <button type="button" className="btn small" onClick={() => downloadBackup()}>
          Back up current data first
        </button>
      </p>
    </Dialog>
  );
}
