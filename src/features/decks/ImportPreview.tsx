import { useEffect, useId, useRef, useState } from 'react';
import { OWNERS, type Card } from '../../core/deck/types';
import { LIMITS } from '../../core/deck/schema';
import type { ImportFormat } from '../../core/import/problem';
import { deckToStore, describeProblem, initialName, type PreparedImport } from './importPlan';

const FORMAT_NAMES: Record<ImportFormat, string> = {
  json: 'Deck JSON',
  csv: 'CSV/TSV',
  anki: 'Anki text export',
};
const SAMPLE_ROWS = 5;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function kindLabel(card: Card): string {
  return card.kind === 'owner' ? 'Owner' : 'Front/back';
}

interface Props {
  prepared: PreparedImport;
  separate: boolean;
  onSeparateChange: (separate: boolean) => void;
  /** Error from the last attempt to store the deck. */
  error: string | null;
  onConfirm: (name: string) => void;
  onCancel: () => void;
}

/** Everything the import will do, before it does it. */
export function ImportPreview({ prepared, separate, onSeparateChange, error, onConfirm, onCancel }: Props) {
  const { result, plan, target } = prepared;
  const [name, setName] = useState(() => initialName(prepared));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nameId = useId();
  const deck = deckToStore(prepared, name);
  const problems = result.problems;
  const nothing = plan === null;

  useEffect(() => {
    headingRef.current?.focus();
  }, [prepared.source, result]);

  // A re-import's merged deck ends with the kept cards that are not in the file.
  const importing = deck ? deck.cards.slice(0, deck.cards.length - (plan?.notInFile ?? 0)) : [];
  const owners = OWNERS.map((owner) => ({ owner, count: importing.filter((c) => c.kind === 'owner' && c.answer === owner).length }));
  const incomingCount = result.deck?.cards.length ?? 0;
  const skipped = result.summary.skippedRows;

  return (
    <section className="panel lib-import-preview stack" aria-labelledby="import-preview-title">
      <div>
        <p className="eyebrow">Import preview · nothing is saved until you confirm</p>
        <h2 id="import-preview-title" ref={headingRef} tabIndex={-1}>
          Preview: {prepared.source}
        </h2>
        <p className="muted">
          {result.summary.format ? `${FORMAT_NAMES[result.summary.format]} · ` : ''}
          {nothing ? 'No cards can be imported' : `${plural(incomingCount, 'card')} ready`}
          {skipped > 0 ? ` · ${plural(skipped, 'row')} will be skipped` : ''}
          {result.summary.warnings > 0 ? ` · ${plural(result.summary.warnings, 'warning')}` : ''}
        </p>
      </div>

      {plan && target && !separate ? (
        <div className="lib-reimport" role="note" aria-label="Re-import">
          <p>
            <strong>
              This updates your deck “{target.name}”
            </strong>{' '}
            ({prepared.matchedBy === 'id' ? 'same deck id' : 'same card ids'}).
          </p>
          <ul className="lib-reimport-counts">
            <li>
              <strong>{plan.added}</strong> new
            </li>
            <li>
              <strong>{plan.changed}</strong> changed
            </li>
            <li>
              <strong>{plan.unchanged}</strong> unchanged
            </li>
            {plan.notInFile > 0 ? (
              <li>
                <strong>{plan.notInFile}</strong> not in the file (kept)
              </li>
            ) : null}
          </ul>
          <p className="small">Your progress on matching cards is kept; changed cards keep their schedule with the new text.</p>
        </div>
      ) : null}
      {plan && target ? (
        <label className="choice small">
          <input type="checkbox" checked={separate} onChange={(e) => onSeparateChange(e.target.checked)} />
          Import as a separate new deck instead (progress starts fresh)
        </label>
      ) : null}
      {prepared.renamedFrom ? (
        <p className="small lib-note">
          The file uses the id of a built-in deck (“{prepared.renamedFrom}”); it will be added as a separate deck with the id “{plan?.deck.id}”. Built-in
          decks are updated with the app.
        </p>
      ) : null}

      {deck ? (
        <>
          <div className="field">
            <label htmlFor={nameId}>
              <span className="lib-field-label">Deck name</span>
            </label>
            <input id={nameId} type="text" value={name} maxLength={LIMITS.deckName} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </div>
          <ul className="lib-kind-counts" aria-label="Cards by kind">
            {owners.map(({ owner, count }) => (
              <li key={owner} className={`lib-kind-count owner-${owner.toLowerCase()}`}>
                <span className="lib-kind-value">{count}</span>
                <span className="lib-kind-label">{owner} cards</span>
              </li>
            ))}
            <li className="lib-kind-count">
              <span className="lib-kind-value">{importing.filter((c) => c.kind === 'basic').length}</span>
              <span className="lib-kind-label">front/back cards</span>
            </li>
          </ul>
          <p className="muted small">
            Owner cards are answered AWS, Customer or Shared and graded automatically; front/back cards show their answer and you grade yourself
            (Again, Hard, Good, Easy).
          </p>

          <div className="lib-table-scroll">
            <table className="data lib-sample">
              <caption>
                {importing.length > SAMPLE_ROWS ? `First ${SAMPLE_ROWS} of ${plural(importing.length, 'card')}` : `The ${plural(importing.length, 'card')} to import`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Kind</th>
                </tr>
              </thead>
              <tbody>
                {importing.slice(0, SAMPLE_ROWS).map((card) => (
                  <tr key={card.id}>
                    <td className="clip">
                      <div className="lib-clamp">{card.question}</div>
                    </td>
                    <td className="clip">
                      <div className="lib-clamp">{card.answer}</div>
                    </td>
                    <td>{kindLabel(card)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {problems.length > 0 ? (
        <div className="lib-table-scroll">
          <table className="data lib-problems">
            <caption>
              {plural(problems.length, 'problem')} found
              {skipped > 0 ? ` · ${plural(skipped, 'row')} skipped` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Problem</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, i) => {
                const view = describeProblem(problem, nothing);
                return (
                  <tr key={`${problem.line}-${i}`} className={view.severity === 'error' ? 'is-error' : 'is-warning'}>
                    <th scope="row">
                      {view.field ? `${view.where} ` : view.where}
                      {view.field ? <span className="lib-problem-field">{view.field}</span> : null}
                    </th>
                    <td className="clip">{view.reason}</td>
                    <td>
                      <span className={`chip ${view.severity === 'error' ? 'lib-chip-bad' : 'lib-chip-warn'}`}>{view.outcome}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="lib-ok-note">No problems found.</p>
      )}

      {error ? (
        <p className="lib-form-error" role="alert">
          {error}
        </p>
      ) : null}

      <div className="row lib-preview-actions">
        {deck ? (
          <button type="button" className="btn primary" onClick={() => onConfirm(name)}>
            Import {plural(importing.length, 'card')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <span className="muted small lib-key-hint">
          <kbd>Esc</kbd> cancels
        </span>
      </div>
    </section>
  );
}
