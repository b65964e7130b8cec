import { describe, expect, test } from 'vitest';
import { decodeEntities, htmlToText, looksLikeHtml } from './html';

describe('htmlToText', () => {
  test.each([
    ['plain', 'plain'],
    ['a<br>b<br/>c<BR />d', 'a\nb\nc\nd'],
    ['<div>one</div><div>two</div>', 'one\ntwo'],
    ['first<div>second</div>', 'first\nsecond'],
    ['<p>para</p><ul><li>x</li><li>y</li></ul>', 'para\n\nx\ny'],
    ['<b>bold</b> and <span style="color:red">red</span>', 'bold and red'],
    ['&amp; &lt;b&gt; &quot;q&quot; &#39;s&#39; a&nbsp;b &#x41;&#66;', '& <b> "q" \'s\' a b AB'],
    ['x<script>alert(1)</script>y<style>p{}</style>z', 'xyz'],
    ['a<!-- hidden -->b', 'ab'],
    ['2 < 3 and 5 > 4', '2 < 3 and 5 > 4'],
    ['unclosed <b tag', 'unclosed <b tag'],
    ['<img src="x.png" onerror="alert(1)">caption', 'caption'],
    ['&unknown; &#0; &#xD800;', '&unknown; \uFFFD \uFFFD'],
    ['  <div> padded </div>  ', 'padded'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  test('is linear on pathological input', () => {
    const nasty = '<a'.repeat(200_000);
    const started = performance.now();
    expect(htmlToText(nasty)).toBe(nasty);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('looksLikeHtml', () => {
  test.each([
    ['a<br>b', true],
    ['<div>x</div>', true],
    ['<b>x</b>', true],
    ['x < y > z', false],
    ['<bucket-name>', false],
    ['plain', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });
});

test.each([
  ['&AMP;', '&'],
  ['&#128512;', '\u{1F600}'],
  ['&#1114112;', '\uFFFD'],
])('decodeEntities(%j) = %j', (text, expected) => {
  expect(decodeEntities(text)).toBe(expected);
});
