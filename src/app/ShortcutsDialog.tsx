import { useEffect, useRef, useState } from 'react';
import { isTypingTarget } from '../components/typing';

const SECTIONS: { title: string; keys: [string, string][] }[] = [
  {
    title: 'Everywhere',
    keys: [
      ['G then H / S / Q / D / T', 'Home / Study / Quiz / Decks / Settings'],
      ['?', 'Show or hide this list'],
    ],
  },
  {
    title: 'Study',
    keys: [
      ['1 or A · 2 or C · 3 or S', 'Answer AWS · Customer · Shared'],
      ['Enter or Space', 'Next card (rated Good when right)'],
      ['H · E', 'Rate a right answer Hard · Easy, and go on'],
      ['Space, then 1–4', 'Basic cards: show the answer, then Again · Hard · Good · Easy'],
      ['Z or Ctrl+Z', 'Undo the last answer'],
      ['N · R', 'When done: more new cards · review ahead'],
    ],
  },
  {
    title: 'Quiz',
    keys: [
      ['1 or A · 2 or C · 3 or S', 'Answer AWS · Customer · Shared'],
      ['← or P · → or N', 'Previous · next question'],
      ['F', 'Flag the question (exam mode)'],
      ['E', 'Submit the exam (asks first)'],
      ['Enter or Space', 'Next question (practice mode)'],
      ['Enter · R · D', 'Set-up: start · resume · discard a quiz in progress'],
      ['N · S', 'Results: new quiz · study the missed cards'],
    ],
  },
  {
    title: 'Decks',
    keys: [
      ['I · P', 'Import a deck file · paste deck text'],
      ['B · R', 'Download a backup · restore a backup'],
      ['U or Ctrl+Z', 'Undo deleting a deck'],
      ['Esc', 'Cancel the import preview or close a dialog'],
    ],
  },
];

/** "?" opens the list of keyboard shortcuts. */
export function ShortcutsDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      setOpen((o) => !o);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {SECTIONS.map((section) => (
        <section key={section.title}>
          <h3>{section.title}</h3>
          <table className="data">
            <tbody>
              {section.keys.map(([keys, action]) => (
                <tr key={keys + action}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className="row">
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </dialog>
  );
}
