import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useKeys } from '../../components/useKeys';
import { LIMITS } from '../../core/deck/schema';
import { parseDeckFile, parseDeckText } from '../../core/import/parseDeck';
import type { ImportResult } from '../../core/import/problem';
import { downloadBackup } from '../../store/downloads';
import type { LibraryOutcome } from '../../store/librarySlice';
import { useAppStore } from '../../store/store';
import { BackupPanel } from './BackupPanel';
import { DeckLibrary } from './DeckLibrary';
import { ImportPreview } from './ImportPreview';
import { deckToStore, prepareImport } from './importPlan';
import './decks.css';

interface Parsed {
  source: string;
  result: ImportResult;
  /** Bumped on every parse so the preview starts fresh (name field, focus). */
  serial: number;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

const PASTE_FORMATS = [
  { value: '', label: 'Detect automatically' },
  { value: 'csv', label: 'CSV or TSV with a header row' },
  { value: 'txt', label: 'Anki “Notes in Plain Text” export' },
  { value: 'json', label: 'Deck JSON (srm-deck)' },
] as const;

/** Reads at most one byte more than the limit, so an oversized file is refused without loading it all. */
async function readFileBytes(file: File): Promise<Uint8Array> {
  const part = file.size > LIMITS.maxFileBytes ? file.slice(0, LIMITS.maxFileBytes + 1) : file;
  return new Uint8Array(await part.arrayBuffer());
}

function isDialogOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

export default function DecksScreen() {
  const ready = useAppStore((s) => s.ready);
  const userDecks = useAppStore((s) => s.userDecks);
  const builtinDecks = useAppStore((s) => s.builtinDecks);
  const saveUserDeck = useAppStore((s) => s.saveUserDeck);
  const lastDeleted = useAppStore((s) => s.lastDeleted);
  const undoDelete = useAppStore((s) => s.undoDelete);
  const dismissUndo = useAppStore((s) => s.dismissUndo);

  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [separate, setSeparate] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [dragging, setDragging] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [pasteName, setPasteName] = useState('');
  const [pasteFormat, setPasteFormat] = useState('');
  const dragDepth = useRef(0);
  const serial = useRef(0);
  const importInputRef = useRef<HTMLInputElement>(null);
  const restoreInputRef = useRef<HTMLInputElement>(null);
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const pasteId = useId();
  const pasteNameId = useId();
  const pasteFormatId = useId();

  // Re-computed when the library changes under an open preview (another tab, an undo).
  const prepared = useMemo(
    () => (parsed ? prepareImport(parsed.source, parsed.result, userDecks, builtinDecks, separate) : null),
    [parsed, userDecks, builtinDecks, separate],
  );

  useEffect(() => {
    if (pasteOpen) pasteRef.current?.focus();
  }, [pasteOpen]);

  // After a delete the dialog's button is gone: focus the Undo button instead of losing focus.
  const deletedAt = lastDeleted?.at ?? null;
  useEffect(() => {
    if (deletedAt !== null) undoRef.current?.focus();
  }, [deletedAt]);

  function show(result: ImportResult, source: string) {
    serial.current += 1;
    setSeparate(false);
    setImportError(null);
    setNotice(null);
    setParsed({ source, result, serial: serial.current });
  }

  async function previewFile(file: File) {
    try {
      const bytes = await readFileBytes(file);
      show(parseDeckFile(file.name, bytes), file.name);
    } catch (error) {
      setNotice({ kind: 'error', text: `“${file.name}” could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was changed.` });
    }
  }

  function previewPaste() {
    const fileName = pasteFormat === '' ? '' : `pasted.${pasteFormat}`;
    const name = pasteName.trim();
    show(parseDeckText(fileName, pasteText, { deckName: name === '' ? 'Pasted deck' : name }), name === '' ? 'Pasted text' : `Pasted text: ${name}`);
  }

  function closePreview() {
    setParsed(null);
    setImportError(null);
    importInputRef.current?.focus();
  }

  function report(outcome: LibraryOutcome) {
    if (outcome.ok && outcome.message === '') return;
    setNotice(outcome.ok ? { kind: 'ok', text: outcome.message } : { kind: 'error', text: outcome.error });
  }

  function confirmImport(name: string) {
    if (!prepared) return;
    const deck = deckToStore(prepared, name);
    if (!deck) return;
    const outcome = saveUserDeck(deck);
    if (!outcome.ok) {
      setImportError(outcome.error);
      return;
    }
    setParsed(null);
    setPasteText('');
    setPasteOpen(false);
    report(outcome);
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  function onUndo() {
    report(undoDelete());
    noticeRef.current?.focus();
  }

  useKeys(
    {
      i: () => !isDialogOpen() && importInputRef.current?.click(),
      p: () => !isDialogOpen() && setPasteOpen(true),
      b: () => !isDialogOpen() && downloadBackup(),
      r: () => !isDialogOpen() && restoreInputRef.current?.click(),
      u: () => !isDialogOpen() && lastDeleted !== null && onUndo(),
      'ctrl+z': () => !isDialogOpen() && lastDeleted !== null && onUndo(),
      Escape: () => !isDialogOpen() && parsed !== null && closePreview(),
    },
    ready,
  );

  function hasFiles(event: DragEvent) {
    return event.dataTransfer.types.includes('Files');
  }

  if (!ready) return <p className="loading" role="status">Loading your decks…</p>;

  return (
    <section
      aria-labelledby="decks-title"
      className={`stack decks-screen${dragging ? ' is-dragging' : ''}${lastDeleted ? ' has-toast' : ''}`}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        dragDepth.current += 1;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        dragDepth.current = 0;
        setDragging(false);
        const files = [...e.dataTransfer.files];
        const file = files[0];
        if (!file) return;
        void previewFile(file);
      }}
    >
      <div className="decks-intro">
        <h1 id="decks-title">Decks</h1>
        <p className="lede">Import decks from Anki or a spreadsheet, choose what to study, and keep backups of your progress.</p>
      </div>

      <div ref={noticeRef} tabIndex={-1} className="lib-notice-slot">
        {notice ? (
          <div className={`lib-notice ${notice.kind === 'ok' ? 'is-ok' : 'is-error'}`} role={notice.kind === 'ok' ? 'status' : 'alert'}>
            <p>{notice.text}</p>
            <button type="button" className="btn small" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        ) : null}
      </div>

      {prepared && parsed ? (
        <ImportPreview
          key={parsed.serial}
          prepared={prepared}
          separate={separate}
          onSeparateChange={setSeparate}
          error={importError}
          onConfirm={confirmImport}
          onCancel={closePreview}
        />
      ) : null}

      <section className={`panel lib-import-panel${dragging ? ' is-drop-target' : ''}`} aria-labelledby="import-title">
        <div className="spread">
          <div>
            <h2 id="import-title">Add a deck</h2>
            <p className="muted small">
              CSV or TSV with a header row (question, answer; optional id, explanation, tags, source), Anki “Notes in Plain Text” exports, or deck
              JSON. Up to 10 MB and 50,000 cards.
            </p>
          </div>
        </div>
        <div className="lib-import-actions">
          <span className="lib-file-button">
            <input
              ref={importInputRef}
              id="import-deck-input"
              className="lib-file-input"
              type="file"
              accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,text/plain,application/json"
              aria-label="Import deck"
              onChange={(e) => {
                const input = e.currentTarget;
                const file = input.files?.[0];
                if (file) {
                  void previewFile(file).finally(() => {
                    input.value = '';
                  });
                }
              }}
            />
            <label htmlFor="import-deck-input" className="btn primary" aria-hidden="true">
              Import deck… <kbd>I</kbd>
            </label>
          </span>
          <button type="button" className="btn" aria-expanded={pasteOpen} aria-controls={pasteId} onClick={() => setPasteOpen((open) => !open)}>
            Paste deck text <kbd aria-hidden="true">P</kbd>
          </button>
          <p className="lib-drop-hint muted small" aria-hidden="true">
            {dragging ? 'Drop the file to preview it' : 'or drop a file anywhere on this page'}
          </p>
        </div>

        <div id={pasteId} hidden={!pasteOpen} className="lib-paste-box">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              previewPaste();
            }}
          >
            <div className="field">
              <label htmlFor={`${pasteId}-text`}>
                <span className="lib-field-label">Paste deck text</span>
              </label>
              <textarea
                id={`${pasteId}-text`}
                ref={pasteRef}
                rows={6}
                value={pasteText}
                onChange={(e) => setPasteText(e.target.value)}
                placeholder={'question,answer,explanation\nWho patches the guest OS on EC2?,Customer,The customer manages the guest OS.'}
                spellCheck={false}
              />
            </div>
            <div className="lib-paste-options">
              <div className="field">
                <label htmlFor={pasteNameId}>
                  <span className="lib-field-label">Deck name</span>
                </label>
                <input id={pasteNameId} type="text" value={pasteName} onChange={(e) => setPasteName(e.target.value)} placeholder="Pasted deck" autoComplete="off" />
              </div>
              <div className="field">
                <label htmlFor={pasteFormatId}>
                  <span className="lib-field-label">Format</span>
                </label>
                <select id={pasteFormatId} value={pasteFormat} onChange={(e) => setPasteFormat(e.target.value)}>
                  {PASTE_FORMATS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <button type="submit" className="btn" disabled={pasteText.trim() === ''}>
              Preview pasted deck
            </button>
          </form>
        </div>
      </section>

      <DeckLibrary onOutcome={report} />

      <BackupPanel restoreInputRef={restoreInputRef} onOutcome={report} />

      <p className="muted small lib-shortcuts-hint">
        Keys: <kbd>I</kbd> import a file · <kbd>P</kbd> paste text · <kbd>B</kbd> download backup · <kbd>R</kbd> restore a backup · <kbd>U</kbd> undo a
        delete · <kbd>Esc</kbd> cancel an import or close a dialog
      </p>

      {dragging ? (
        <div className="lib-drop-overlay" aria-hidden="true">
          <p>Drop the deck file to preview it</p>
        </div>
      ) : null}

      {lastDeleted ? (
        <div className="lib-toast" role="status">
          <p>
            Deleted “{lastDeleted.deck.name}”. Its progress is still stored.
          </p>
          <div className="row">
            <button ref={undoRef} type="button" className="btn small primary" onClick={onUndo}>
              Undo <kbd aria-hidden="true">U</kbd>
            </button>
            <button type="button" className="btn small" onClick={dismissUndo} aria-label="Dismiss undo">
              ✕
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
