import { getCollection } from './collection';

/** Offers a text file to the learner as a download. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function stamp(now: number): string {
  return new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

/** Downloads a full backup: every deck, card state, review log, quiz attempt and setting. */
export function downloadBackup(now = Date.now()): void {
  const backup = getCollection().exportBackup(now);
  downloadText(`srm-backup-${stamp(now)}.json`, JSON.stringify(backup));
}

/** Downloads the stored values that could not be read, exactly as they were found. */
export function downloadQuarantine(now = Date.now()): void {
  const items = getCollection().quarantine();
  downloadText(`srm-unreadable-data-${stamp(now)}.json`, JSON.stringify(items, null, 2));
}
