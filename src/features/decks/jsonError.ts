/** " (line 3, column 5)" from a JSON.parse error, when the engine says where; '' otherwise. */
export function locateJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return ` (line ${lineCol[1] ?? ''}, column ${lineCol[2] ?? ''})`;
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const at = Math.min(Number(position[1]), text.length);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
