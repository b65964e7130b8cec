import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Card } from '../deck/types';
import { deriveCardId } from './ids';
import { parseDeckFile, parseDeckText } from './parseDeck';
import type { Problem } from './problem';

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(process.cwd(), 'tests/fixtures/import', name)));
}

function parseFixture(name: string) {
  return parseDeckFile(name, fixture(name));
}

/** The parts of a problem the tests pin down. */
function brief(p: Problem) {
  return { line: p.line, field: p.field, severity: p.severity, skipped: p.skipped ?? false, message: p.message };
}

function owner(id: string, question: string, answer: 'AWS' | 'Customer' | 'Shared', extra: Partial<Card> = {}): Card {
  return { id, question, kind: 'owner', answer, explanation: '', tags: [], source: '', sibling: id, ...extra } as Card;
}

function basic(id: string, question: string, answer: string, extra: Partial<Card> = {}): Card {
  return { id, question, kind: 'basic', answer, explanation: '', tags: [], source: '', sibling: id, ...extra } as Card;
}

const q = deriveCardId;

describe('file checks', () => {
  test.each([
    ['empty.csv', new Uint8Array(0), 0, 'The file is empty.'],
    ['blank.csv', new TextEncoder().encode('  \n\t\n'), 0, 'The file is empty.'],
    ['big.csv', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), 0, 'The file is larger than 10 MB; split it into smaller decks.'],
    ['binary.bin', fixture('binary.bin'), 0, 'This looks like a binary file, not a text deck (it contains NUL bytes).'],
    ['controls.csv', new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 0x01 : 0x41))), 0, 'This looks like a binary file, not a text deck (it is full of control characters).'],
    ['utf16.csv', new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 0, 'The file is saved as UTF-16; save it as UTF-8 and import it again.'],
    ['latin1.csv', fixture('latin1.csv'), 2, 'Line 2: the file is not valid UTF-8 text (perhaps Latin-1 or Windows-1252). Save it as UTF-8 and import it again.'],
  ])('%s is rejected with one clear problem', (name, bytes, line, message) => {
    const result = parseDeckFile(name, bytes);
    expect(result.deck).toBeNull();
    expect(result.problems).toEqual([{ line, message, severity: 'error' }]);
    expect(result.summary).toEqual({ format: null, ownerCards: 0, basicCards: 0, skippedRows: 0, errors: 1, warnings: 0 });
  });

  test('exactly 10 MB is still read', () => {
    const header = new TextEncoder().encode('question,answer\nWho?,AWS\n');
    const bytes = new Uint8Array(10 * 1024 * 1024).fill(0x20);
    bytes.set(header);
    const result = parseDeckFile('big.csv', bytes);
    expect(result.deck?.cards).toHaveLength(1);
  });
});

describe('format detection', () => {
  test.each([
    ['deck.json', '  \n{"name":"x","cards":[{"question":"Q","answer":"AWS"}]}', 'json'],
    ['', '{"name":"x","cards":[{"question":"Q","answer":"AWS"}]}', 'json'],
    ['deck.csv', '#separator:comma\nQ,AWS\n', 'anki'],
    ['', '#html:false\nQ\tAWS\n', 'anki'],
    ['', 'tags:imported\nQ\tAWS\n', 'anki', ['imported']],
    ['notes.txt', 'Q\tAWS\n', 'anki'],
    ['notes.txt', 'question,answer\nQ,AWS\n', 'csv'],
    ['deck.csv', 'question,answer\nQ,AWS\n', 'csv'],
    ['deck.tsv', 'question\tanswer\nQ\tAWS\n', 'csv'],
    ['', 'front;back\nQ;AWS\n', 'csv'],
    ['', 'Q\tAWS\n', 'anki'],
    ['', 'Q,AWS\n', 'anki'],
    ['deck.csv', 'question,answer\r\nQ,AWS', 'csv'],
  ])('%j with %j is read as %s', (name, text, format, tags: string[] = []) => {
    const result = parseDeckText(name, text);
    expect(result.summary.format).toBe(format);
    expect(result.deck?.cards).toEqual([owner(q('Q'), 'Q', 'AWS', { tags })]);
  });
});

describe('CSV and TSV fixtures', () => {
  test.each([
    [
      'quoted-commas.csv',
      [
        owner(q('Who patches the guest OS on EC2, including security updates?'), 'Who patches the guest OS on EC2, including security updates?', 'Customer', {
          explanation: 'EC2 is IaaS, so the customer manages the guest OS.',
          tags: ['service:ec2', 'category:compute'],
        }),
        owner(q('Who said "security OF the cloud"?'), 'Who said "security OF the cloud"?', 'AWS'),
        basic(q('What does MFA stand for?'), 'What does MFA stand for?', 'Multi-factor authentication', { tags: ['iam'] }),
      ],
    ],
    [
      'bom-crlf.csv',
      [
        owner(q('Who manages IAM users?'), 'Who manages IAM users?', 'Customer', { tags: ['iam'] }),
        owner(q('Who patches\nRDS engines?'), 'Who patches\nRDS engines?', 'AWS', { tags: ['rds'] }),
        owner(q('Who configures the network ACLs?'), 'Who configures the network ACLs?', 'Customer', { tags: ['vpc'] }),
      ],
    ],
    [
      'semicolon.csv',
      [
        owner(q('Who secures the hardware?'), 'Who secures the hardware?', 'AWS', { explanation: 'Physical; host; network.' }),
        owner(q('Patch management'), 'Patch management', 'Shared', {
          explanation: 'AWS patches the infrastructure, customers patch their guest OS and apps.',
        }),
      ],
    ],
    [
      'tabs.tsv',
      [
        owner('ec2-os', 'Who patches the EC2 guest OS?', 'Customer', { tags: ['service:ec2', 'owner:customer'], source: 'AWS docs', sibling: 'patching' }),
        owner('rds-os', 'Who patches the RDS OS?', 'AWS', { tags: ['service:rds'], sibling: 'patching' }),
        basic('lambda', 'What runs Lambda functions?', 'Firecracker micro VMs'),
      ],
    ],
  ])('%s gives the expected cards and no problems', (name, cards) => {
    const result = parseFixture(name);
    expect(result.problems).toEqual([]);
    expect(result.deck?.cards).toEqual(cards);
    expect(result.deck?.name).toBe(name.replace(/\.\w+$/, ''));
    expect(result.summary.format).toBe('csv');
  });

  test('multi-line fields: problems name the physical line where the row starts', () => {
    const result = parseFixture('multiline.csv');
    expect(result.problems.map(brief)).toEqual([
      { line: 6, field: 'answer', severity: 'error', skipped: true, message: 'Line 6, column answer: the answer is empty' },
    ]);
    expect(result.deck?.cards).toEqual([
      owner(q('Who manages\nthe physical\ndata centers?'), 'Who manages\nthe physical\ndata centers?', 'AWS', { explanation: 'Line one.\nLine two.' }),
      owner(q('Who encrypts data at rest in S3?'), 'Who encrypts data at rest in S3?', 'Customer', { explanation: 'Customer chooses\nthe encryption.' }),
      owner(q('Who maintains the hypervisor?'), 'Who maintains the hypervisor?', 'AWS'),
    ]);
    expect(result.summary).toEqual({ format: 'csv', ownerCards: 3, basicCards: 0, skippedRows: 1, errors: 1, warnings: 0 });
  });

  test('bad rows are skipped and reported; the rest form the deck', () => {
    const result = parseFixture('bad-rows.csv');
    expect(result.problems.map(brief)).toEqual([
      { line: 1, field: 'foo', severity: 'warning', skipped: false, message: "Line 1: unknown column 'foo' (ignored)" },
      { line: 3, field: 'answer', severity: 'error', skipped: true, message: 'Line 3, column answer: the answer is empty' },
      { line: 4, field: 'question', severity: 'error', skipped: true, message: 'Line 4, column question: the question is empty' },
      { line: 5, field: 'question', severity: 'error', skipped: true, message: 'Line 5, column question: the question is longer than 2,000 characters' },
      { line: 6, field: 'id', severity: 'error', skipped: true, message: "Line 6, column id: duplicate id 'a' (first on line 2)" },
    ]);
    expect(result.deck?.cards).toEqual([owner('a', 'Who manages the hypervisor?', 'AWS'), owner('e', 'Who classifies data?', 'Customer')]);
    expect(result.summary).toEqual({ format: 'csv', ownerCards: 2, basicCards: 0, skippedRows: 4, errors: 4, warnings: 1 });
  });

  test('a missing required column is one problem and no deck', () => {
    const result = parseFixture('missing-column.csv');
    expect(result.deck).toBeNull();
    expect(result.problems.map(brief)).toEqual([
      {
        line: 1,
        field: 'answer',
        severity: 'error',
        skipped: false,
        message: "Line 1: the header row must name the columns question and answer (or front and back); missing: answer. Found: 'question', 'explanation'.",
      },
    ]);
  });

  test('an unclosed quote skips the row it starts on', () => {
    const result = parseFixture('unterminated-quote.csv');
    expect(result.problems.map(brief)).toEqual([
      {
        line: 3,
        field: undefined,
        severity: 'error',
        skipped: true,
        message: 'Line 3: a quoted field is never closed (a closing " is missing), so the rest of the file ran into this row',
      },
    ]);
    expect(result.deck?.cards).toEqual([owner(q('Who manages keys?'), 'Who manages keys?', 'Customer')]);
  });

  test.each([
    ['question,answer,question\nQ,AWS,x\n', "Line 1: column 'question' appears twice; the first one is used"],
    ['question,answer\nQ,AWS,extra\n', 'Line 2: this row has 3 fields but the header has 2; the extra fields are ignored (is a field with a "," missing its quotes?)'],
    ['question,answer\nQ,AWS\nQ,Customer\n', `Line 3, column question: the same question appears on line 2; kept as a separate card with id '${q('Q')}-2'`],
  ])('warning for %j', (text, message) => {
    const result = parseDeckText('w.csv', text);
    expect(result.problems.map((p) => [p.severity, p.message])).toEqual([['warning', message]]);
    expect(result.deck?.cards[0]).toEqual(owner(q('Q'), 'Q', 'AWS'));
  });

  test.each([
    ['Tags,Question,Answer\n"a, b  c",Q,Customer\n', ['a', 'b', 'c']],
    ['question,answer,tags\nQ,Customer,\n', []],
    ['question,answer,tags\nQ,Customer,"x\ny"\n', ['x', 'y']],
  ])('tags in %j are split on whitespace or commas', (text, tags) => {
    expect(parseDeckText('t.csv', text).deck?.cards[0]?.tags).toEqual(tags);
  });

  test('deck name comes from options, else the file name', () => {
    expect(parseDeckText('dir/My Deck.csv', 'question,answer\nQ,AWS\n').deck).toMatchObject({ id: 'my-deck', name: 'My Deck', builtIn: false });
    expect(parseDeckText('', 'question,answer\nQ,AWS\n', { deckName: 'Pasted', builtIn: true }).deck).toMatchObject({ id: 'pasted', name: 'Pasted', builtIn: true });
    expect(parseDeckText('', 'question,answer\nQ,AWS\n').deck).toMatchObject({ id: 'imported-deck', name: 'Imported deck' });
  });

  test('more than 50,000 rows is refused', () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => `Q${i},AWS`).join('\n');
    const result = parseDeckText('big.csv', `question,answer\n${rows}\n`);
    expect(result.deck).toBeNull();
    expect(result.problems.map((p) => p.message)).toEqual(['The file has 50,001 cards; a deck can have at most 50,000. Split it into smaller decks.']);
  });
});

describe('Anki text', () => {
  test('an export with headers, HTML and GUIDs', () => {
    const result = parseFixture('anki-export.txt');
    expect(result.deck).toMatchObject({ id: 'aws-srm', name: 'AWS::SRM', description: '' });
    expect(result.deck?.cards).toEqual([
      basic('gK3;>x1a', 'Who patches the guest OS on EC2?', 'The customer.\nAlways.', { tags: ['ec2', 'compute'] }),
      owner('Hq2!8/zz', 'Who protects\nthe "edge locations"?', 'AWS', { tags: ['global-infra'] }),
      basic('Zz9#Pp01', 'What is 2 < 3 && 4 > 1?', 'true\nsee "logic"'),
    ]);
    expect(result.problems.map(brief)).toEqual([
      { line: 10, field: 'answer', severity: 'error', skipped: true, message: 'Line 10, column answer: the answer is empty' },
    ]);
    expect(result.summary).toEqual({ format: 'anki', ownerCards: 1, basicCards: 2, skippedRows: 1, errors: 1, warnings: 0 });
  });

  test('a plain tab-separated export without headers', () => {
    const result = parseFixture('anki-plain.txt');
    expect(result.problems).toEqual([]);
    expect(result.deck?.cards).toEqual([
      owner(q('Who owns customer data?'), 'Who owns customer data?', 'Customer'),
      basic(q('What is the shared model?'), 'What is the shared model?', 'A split of duties'),
    ]);
  });

  test.each([
    ['#separator:Semicolon\n#deck:My Anki deck\nQ;AWS\n', { name: 'My Anki deck', question: 'Q', answer: 'AWS', explanation: '' }],
    ['#separator:|\nQ|Both\n', { name: 'n', question: 'Q', answer: 'Shared', explanation: '' }],
    ['#separator:pipe\nQ|Both\n', { name: 'n', question: 'Q', answer: 'Shared', explanation: '' }],
    ['#separator:space\nQ "The customer"\n', { name: 'n', question: 'Q', answer: 'Customer', explanation: '' }],
    ['#html:false\nQ<br>x\tAWS\n', { name: 'n', question: 'Q<br>x', answer: 'AWS', explanation: '' }],
    ['# a comment\n#notetype:Basic\nQ<br>x\tAWS\n', { name: 'n', question: 'Q\nx', answer: 'AWS', explanation: '' }],
    ['#separator:comma\n#columns:Front,Back,Extra\nQ,AWS,Because <b>IaaS</b>\n', { name: 'n', question: 'Q', answer: 'AWS', explanation: 'Because IaaS' }],
  ])('headers in %j', (text, expected) => {
    const result = parseDeckText('n.txt', text);
    const card = result.deck?.cards[0];
    expect(result.problems).toEqual([]);
    expect({ name: result.deck?.name, question: card?.question, answer: card?.answer, explanation: card?.explanation }).toEqual(expected);
  });

  test('global tags, tag column and unused columns', () => {
    const result = parseDeckText('n.txt', 'tags:srm\n#tags:imported\n#tags column:3\nQ\tAWS\tvpc net\textra field\n');
    expect(result.deck?.cards[0]?.tags).toEqual(['srm', 'imported', 'vpc', 'net']);
    expect(result.problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [4, 'warning', 'Line 4: column 4 is not imported (only the question, the answer, tags and the GUID are read); this applies to every row'],
    ]);
  });

  test.each([
    ['#separator:weird\nQ\tAWS\n', "Line 1: unknown separator 'weird' (the separator is guessed instead)"],
    ['#html:maybe\nQ\tAWS\n', "Line 1: #html must be true or false, not 'maybe' (ignored)"],
    ['#guid column:zero\nQ\tAWS\n', "Line 1: 'zero' is not a column number (header ignored)"],
    ['#html:true\n#colour:red\nQ\tAWS\n', "Line 2: unknown header '#colour' (ignored)"],
  ])('header warning for %j', (text, message) => {
    const result = parseDeckText('n.txt', text);
    expect(result.problems.map((p) => [p.severity, p.message])).toEqual([['warning', message]]);
    expect(result.deck?.cards).toHaveLength(1);
  });
});

describe('native JSON', () => {
  test('a valid deck', () => {
    const result = parseFixture('valid-deck.json');
    expect(result.problems).toEqual([]);
    expect(result.deck).toEqual({
      id: 'srm-basics-compute-storage',
      name: 'SRM Basics: Compute & Storage',
      description: 'A small hand-written deck.',
      builtIn: false,
      cards: [
        owner('ec2-guest-os', 'Who patches the EC2 guest operating system?', 'Customer', {
          explanation: 'EC2 is infrastructure as a service.',
          tags: ['service:ec2', 'owner:customer'],
          source: 'AWS SRM page',
          sibling: 'guest-os',
        }),
        owner(q('Who patches the RDS database engine?'), 'Who patches the RDS database engine?', 'AWS', { tags: ['service:rds'] }),
        basic(q('What does SRM stand for?'), 'What does SRM stand for?', 'Shared Responsibility Model'),
      ],
    });
    expect(result.summary).toEqual({ format: 'json', ownerCards: 2, basicCards: 1, skippedRows: 0, errors: 0, warnings: 0 });
  });

  test('a syntax error names line and column', () => {
    const result = parseFixture('syntax-error.json');
    expect(result.deck).toBeNull();
    expect(result.problems).toEqual([
      {
        line: 5,
        column: 5,
        message: "Line 5, column 5: the file is not valid JSON: expected ',' or ']', found '{' (is a comma missing?).",
        severity: 'error',
      },
    ]);
  });

  test('schema errors name the card, its line and the field', () => {
    const result = parseFixture('schema-error.json');
    expect(result.problems.map(brief)).toEqual([
      { line: 6, field: 'answer', severity: 'error', skipped: true, message: 'Card 2 (line 6), field answer: the answer is missing' },
      { line: 7, field: 'tags', severity: 'error', skipped: true, message: 'Card 3 (line 7), field tags: a tag contains a space or a comma' },
      { line: 13, field: 'colour', severity: 'warning', skipped: false, message: "Card 4 (line 13): unknown field 'colour' (ignored)" },
      { line: 13, field: 'id', severity: 'error', skipped: true, message: "Card 4 (line 13), field id: duplicate id 'ok' (first in card 1, line 5)" },
    ]);
    expect(result.deck?.cards).toEqual([owner('ok', 'Who runs the data centers?', 'AWS')]);
    expect(result.summary).toEqual({ format: 'json', ownerCards: 1, basicCards: 0, skippedRows: 3, errors: 3, warnings: 1 });
  });

  test.each([
    ['{"cards":[{"question":"Q","answer":"AWS"}]}', ['Deck field name: the deck name is missing.']],
    ['{"name":"  ","cards":[{"question":"Q","answer":"AWS"}]}', ['Deck field name: the deck name is empty.']],
    ['{"name":"x","cards":[]}', ['Deck field cards: the deck has no cards.']],
    ['{"name":"x"}', ['Deck field cards: the cards is missing.']],
    ['{"name":"x","format":"anki","cards":[{"question":"Q","answer":"AWS"}]}', ['Deck field format: format must be "srm-deck".']],
    ['{"name":"x","formatVersion":2,"cards":[{"question":"Q","answer":"AWS"}]}', ['Deck field formatVersion: formatVersion must be 1; this app reads version 1 decks.']],
    ['{"name":"x","id":"a/b","cards":[{"question":"Q","answer":"AWS"}]}', ['Deck field id: the deck id must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit.']],
    ['[1,2]', ['The file must be one JSON object with "name" and "cards"; it is a list.']],
    ['{"name":"x","cards":["Q"]}', ['Card 1 (line 1): a card must be an object with "question" and "answer"; it is text', 'No card could be imported; fix the errors listed and try again.']],
  ])('deck-level problem in %s', (text, messages) => {
    const result = parseDeckText('d.json', text);
    expect(result.deck).toBeNull();
    expect(result.problems.map((p) => p.message)).toEqual(messages);
  });

  test('deck id, description and builtIn', () => {
    const result = parseDeckText('d.json', '{"id":"srm-1","name":"Ünïcode Deck!","description":" about ","cards":[{"question":" Q ","answer":"Both","fact":""}]}', { builtIn: true });
    expect(result.deck).toEqual({ id: 'srm-1', name: 'Ünïcode Deck!', description: 'about', builtIn: true, cards: [owner(q('Q'), 'Q', 'Shared')] });
    expect(parseDeckText('d.json', '{"name":"Ünïcode Deck!","cards":[{"question":"Q","answer":"AWS"}]}').deck?.id).toBe('unicode-deck');
  });

  test('more than 50,000 cards is refused', () => {
    const cards = Array.from({ length: 50_001 }, () => ({ question: 'Q', answer: 'AWS' }));
    const result = parseDeckText('d.json', JSON.stringify({ name: 'big', cards }));
    expect(result.deck).toBeNull();
    expect(result.problems.map((p) => p.message)).toEqual(['Deck field cards: the deck has more than 50,000 cards.']);
  });
});
