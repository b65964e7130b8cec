import { OWNERS, type Owner } from '../core/deck/types';

const KEYS: Record<Owner, [string, string]> = { AWS: ['1', 'A'], Customer: ['2', 'C'], Shared: ['3', 'S'] };

/** Maps the answer keys 1/2/3 and A/C/S to an owner. */
export function ownerForKey(key: string): Owner | null {
  const k = key.toLowerCase();
  for (const owner of OWNERS) {
    const [digit, letter] = KEYS[owner];
    if (k === digit || k === letter.toLowerCase()) return owner;
  }
  return null;
}

interface Props {
  onAnswer: (owner: Owner) => void;
  /** The learner's current choice, shown as pressed (with `toggle`). */
  selected?: Owner | null;
  /** Toggle buttons (exam mode): every button reports aria-pressed, true or false. */
  toggle?: boolean;
  /** After the verdict: marks the right answer and the learner's wrong one. */
  reveal?: { correct: Owner; chosen: Owner } | null;
  disabled?: boolean;
}

/** The three answer buttons; accessible names are exactly "AWS", "Customer" and "Shared". */
export function OwnerButtons({ onAnswer, selected = null, toggle = false, reveal = null, disabled = false }: Props) {
  return (
    <div className="owner-buttons" role="group" aria-label="Who is responsible?">
      {OWNERS.map((owner) => {
        const [digit, letter] = KEYS[owner];
        const state = reveal ? (owner === reveal.correct ? 'correct' : owner === reveal.chosen ? 'wrong' : 'idle') : 'idle';
        return (
          <button
            key={owner}
            type="button"
            className={`owner-btn owner-${owner.toLowerCase()} is-${state}`}
            aria-keyshortcuts={`${digit} ${letter}`}
            aria-pressed={toggle ? selected === owner : undefined}
            disabled={disabled}
            onClick={() => onAnswer(owner)}
          >
            <span className="owner-name">{owner}</span>
            <span className="owner-keys" aria-hidden="true">
              <kbd>{digit}</kbd> <kbd>{letter}</kbd>
            </span>
          </button>
        );
      })}
    </div>
  );
}
