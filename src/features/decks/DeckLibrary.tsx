import { useId, useState } from 'react';
import { navigate } from '../../components/router';
import { LIMITS } from '../../core/deck/schema';
import type { Deck } from '../../core/deck/types';
import { exportDeckCsv, exportDeckJson } from '../../core/import/export';
import { downloadText } from '../../store/downloads';
import type { LibraryOutcome } from '../../store/librarySlice';
import { useAppStore } from '../../store/store';
import { BackupFirst, Dialog } from './Dialog';
import { useDeckProgress, type DeckProgress } from './useDeckProgress';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A file name from the deck name: letters, digits, spaces, dots and dashes. */
export function exportFileName(deck: Deck, ext: 'json' | 'csv'): string {
  const stem = deck.name.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || deck.id;
  return `${stem}.${ext}`;
}

function exportDeck(deck: Deck, ext: 'json' | 'csv') {
  if (ext === 'json') downloadText(exportFileName(deck, 'json'), exportDeckJson(deck), 'application/json');
  else downloadText(exportFileName(deck, 'csv'), exportDeckCsv(deck), 'text/csv');
}

interface Props {
  onOutcome: (outcome: LibraryOutcome) => void;
}

type Pending = { kind: 'rename'; deck: Deck } | { kind: 'delete'; deck: Deck } | null;

export function DeckLibrary({ onOutcome }: Props) {
  const builtin = useAppStore((s) => s.builtinDecks);
  const user = useAppStore((s) => s.userDecks);
  const excluded = useAppStore((s) => s.settings.excludedDecks);
  const hidden = useAppStore((s) => s.settings.hiddenDecks);
  const setIncluded = useAppStore((s) => s.setDeckIncluded);
  const setHidden = useAppStore((s) => s.setDeckHidden);
  const selectStudyDecks = useAppStore((s) => s.selectStudyDecks);
  const visible = [...builtin.filter((d) => !hidden.includes(d.id)), ...user];
  const hiddenDecks = builtin.filter((d) => hidden.includes(d.id));
  const progress = useDeckProgress(visible);
  const [pending, setPending] = useState<Pending>(null);

  return (
    <section className="stack" aria-labelledby="library-title">
      <div className="spread">
        <h2 id="library-title">Your library</h2>
        <p className="muted small">
          {count(visible.length, 'deck')} · {visible.filter((d) => !excluded.includes(d.id)).length.toLocaleString('en-US')} in study
        </p>
      </div>
      {visible.length === 0 ? <p className="panel muted">No decks yet. Import one above, or show a hidden built-in deck below.</p> : null}
      <ul className="library-list">
        {visible.map((deck) => (
          <DeckItem
            key={deck.id}
            deck={deck}
            progress={progress.get(deck.id) ?? { total: deck.cards.length, studied: 0, dueToday: 0 }}
            included={!excluded.includes(deck.id)}
            onInclude={(on) => setIncluded(deck.id, on)}
            onStudy={() => {
              selectStudyDecks([deck.id]);
              navigate('/study');
            }}
            onHide={() => {
              setHidden(deck.id, true);
              onOutcome({ ok: true, message: `Hid “${deck.name}”. It is out of study until you show it again (under Hidden built-in decks).` });
            }}
            onRename={() => setPending({ kind: 'rename', deck })}
            onDelete={() => setPending({ kind: 'delete', deck })}
          />
        ))}
      </ul>

      {hiddenDecks.length > 0 ? (
        <div className="panel lib-hidden-decks">
          <h3>Hidden built-in decks</h3>
          <ul className="lib-plain-list">
            {hiddenDecks.map((deck) => (
              <li key={deck.id} className="spread">
                <span>
                  {deck.name} <span className="muted small">· {count(deck.cards.length, 'card')}</span>
                </span>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => {
                    setHidden(deck.id, false);
                    onOutcome({ ok: true, message: `“${deck.name}” is back in your library.` });
                  }}
                >
                  Show <span className="visually-hidden">{deck.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {pending?.kind === 'rename' ? (
        <RenameDialog
          deck={pending.deck}
          onClose={() => setPending(null)}
          onDone={(outcome) => {
            if (outcome.ok) setPending(null);
            onOutcome(outcome);
          }}
        />
      ) : null}
      {pending?.kind === 'delete' ? (
        <DeleteDialog
          deck={pending.deck}
          onClose={() => setPending(null)}
          onDone={(outcome) => {
            setPending(null);
            // A successful delete is announced by the Undo toast.
            if (!outcome.ok) onOutcome(outcome);
          }}
        />
      ) : null}
    </section>
  );
}

interface ItemProps {
  deck: Deck;
  progress: DeckProgress;
  included: boolean;
  onInclude: (included: boolean) => void;
  onStudy: () => void;
  onHide: () => void;
  onRename: () => void;
  onDelete: () => void;
}

function DeckItem({ deck, progress, included, onInclude, onStudy, onHide, onRename, onDelete }: ItemProps) {
  const titleId = useId();
  const percent = progress.total === 0 ? 0 : Math.round((progress.studied / progress.total) * 100);
  return (
    <li className={`panel library-item${included ? '' : ' is-excluded'}`} aria-labelledby={titleId}>
      <div className="library-head">
        <div className="library-title">
          <h3 id={titleId}>{deck.name}</h3>
          <span className={`chip ${deck.builtIn ? 'lib-chip-builtin' : 'lib-chip-user'}`}>{deck.builtIn ? 'Built-in' : 'Imported'}</span>
          {included ? null : <span className="chip lib-chip-warn">Not in study</span>}
        </div>
        <label className="lib-switch">
          <input type="checkbox" checked={included} onChange={(e) => onInclude(e.target.checked)} />
          <span>
            Include <span className="visually-hidden">{deck.name}</span> in study
          </span>
        </label>
      </div>
      {deck.description ? <p className="muted small library-desc">{deck.description}</p> : null}
      <div className="library-progress">
        <div
          className="progress-bar"
          role="progressbar"
          aria-label={`${deck.name}: cards studied`}
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.studied}
          aria-valuetext={`${progress.studied} of ${progress.total} studied`}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        <p className="library-stats small">
          <span>
            <strong>{progress.studied.toLocaleString('en-US')}</strong> / {count(progress.total, 'card')} studied
          </span>
          <span>
            <strong>{progress.dueToday.toLocaleString('en-US')}</strong> due today
          </span>
        </p>
      </div>
      <div className="library-actions">
        <button type="button" className="btn small" onClick={onStudy}>
          Study <span className="visually-hidden">{deck.name}</span>
        </button>
        <button type="button" className="btn small" onClick={() => exportDeck(deck, 'json')}>
          Export <span className="visually-hidden">{deck.name} as</span> JSON
        </button>
        <button type="button" className="btn small" onClick={() => exportDeck(deck, 'csv')}>
          Export <span className="visually-hidden">{deck.name} as</span> CSV
        </button>
        {deck.builtIn ? (
          <button type="button" className="btn small" onClick={onHide}>
            Hide <span className="visually-hidden">{deck.name}</span>
          </button>
        ) : (
          <>
            <button type="button" className="btn small" onClick={onRename}>
              Rename <span className="visually-hidden">{deck.name}</span>
            </button>
            <button type="button" className="btn small danger" onClick={onDelete}>
              Delete <span className="visually-hidden">{deck.name}</span>
            </button>
          </>
        )}
      </div>
    </li>
  );
}

function RenameDialog({ deck, onClose, onDone }: { deck: Deck; onClose: () => void; onDone: (outcome: LibraryOutcome) => void }) {
  const rename = useAppStore((s) => s.renameDeck);
  const [name, setName] = useState(deck.name);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const formId = useId();
  function submit() {
    const outcome = rename(deck.id, name);
    if (!outcome.ok) setError(outcome.error);
    onDone(outcome);
  }
  return (
    <Dialog
      title="Rename deck"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn primary">
            Save name
          </button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>
            <span className="lib-field-label">New name for “{deck.name}”</span>
          </label>
          <input
            id={inputId}
            type="text"
            value={name}
            maxLength={LIMITS.deckName}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error !== null}
            autoComplete="off"
          />
        </div>
        {error ? (
          <p className="lib-form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

function DeleteDialog({ deck, onClose, onDone }: { deck: Deck; onClose: () => void; onDone: (outcome: LibraryOutcome) => void }) {
  const remove = useAppStore((s) => s.deleteDeck);
  return (
    <Dialog
      title={`Delete “${deck.name}”?`}
      tone="danger"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn danger" onClick={() => onDone(remove(deck.id))}>
            Delete deck
          </button>
        </>
      }
    >
      <p>
        Its {count(deck.cards.length, 'card')} leave your library and study. Your progress on them stays stored: you can undo right after
        deleting, or import the same file again later and pick up where you left off.
      </p>
      <BackupFirst />
    </Dialog>
  );
}
