/**
 * HTML field text (as Anki exports it) to plain text, with a linear string scanner: no DOM,
 * nothing is ever rendered or executed. <br>, <div>, <p>, <li>, <tr> and headings start a new
 * line; script/style content and comments are dropped; every other tag is removed; entities
 * are decoded after the tags are gone, so "&lt;b&gt;" stays the literal text "<b>".
 */

const LINE_BREAK_TAGS = new Set(['br', 'div', 'p', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'blockquote', 'pre', 'ul', 'ol', 'table']);
const DROP_CONTENT_TAGS = new Set(['script', 'style']);

/** Tag names that make a field "plainly HTML" when the file does not say. */
const COMMON_TAG = /<\/?(?:br|div|p|b|i|u|s|em|strong|span|font|img|a|ul|ol|li|sub|sup|hr|table|tr|td|th|code|pre|h[1-6]|blockquote)\b[^<>]*>/i;

export function looksLikeHtml(text: string): boolean {
  return COMMON_TAG.test(text);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function tagName(tag: string): string {
  const match = /^<\/?\s*([a-zA-Z][a-zA-Z0-9]*)/.exec(tag);
  return match?.[1]?.toLowerCase() ?? '';
}

export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  let noMoreClose = false;
  while (i < html.length) {
    const lt = noMoreClose ? -1 : html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (!/[a-zA-Z/!?]/.test(next)) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      // No tag can close any more: the rest is text.
      noMoreClose = true;
      i = lt;
      continue;
    }
    const tag = html.slice(lt, gt + 1);
    const name = tagName(tag);
    const closing = tag.startsWith('</');
    i = gt + 1;
    if (!closing && DROP_CONTENT_TAGS.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      const endGt = end < 0 ? -1 : html.indexOf('>', end);
      i = endGt < 0 ? html.length : endGt + 1;
      continue;
    }
    if (!closing && LINE_BREAK_TAGS.has(name)) out += '\n';
  }
  return decodeEntities(out)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
