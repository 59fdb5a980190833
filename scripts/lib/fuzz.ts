/**
 * The fuzz test's generator and property, shared by the short run in `npm test`
 * (tests/fuzz.test.ts) and the long one (`npm run bench:fuzz`, scripts/bench/fuzz.ts).
 * Built on fast-check (property-based testing: generation, shrinking, reproducible seeds).
 *
 * Files are mutations of the reference pattern: its front matter as data with strings, keys and
 * numbers replaced by any code points, special numbers, deep or wide structures, then written
 * back as YAML; raw lines inserted or removed anywhere (broken YAML, raw control characters); and
 * Markdown (valid, broken, hostile) added to the body. The property: the check never throws and
 * its output is problem lines then its summary line; a file it accepts renders (page model,
 * section HTML, search document, feed, JSON and JSON-LD exports, llms.txt) and every output
 * parses.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { getRssString } from '@astrojs/rss';
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { ErrorCodes, parse, parseFragment, type ParserError } from 'parse5';
import { SaxesParser } from 'saxes';
import { SECTION_KEYS } from '../../src/lib/body.ts';
import { checkReport, ruleTable, sortDiagnostics, summarize } from '../../src/lib/diagnostics.ts';
import { serializeJsonLd, patternJsonLd } from '../../src/lib/exports/jsonld.ts';
import { llmsTxt } from '../../src/lib/exports/llms.ts';
import { patternExport } from '../../src/lib/exports/pattern-export.ts';
import { feedItems } from '../../src/lib/exports/feed.ts';
import { patternExportSchema } from '../../src/lib/exports/shapes.ts';
import { exportSiteWith, type ExportSite } from '../../src/lib/exports/export-site.ts';
import { checkLibrary } from '../../src/lib/library.ts';
import { readPatternFile } from '../../src/lib/pattern-file.ts';
import { RESERVED_PAGE_IDS } from '../../src/lib/reserved.ts';
import { buildLibraryModel } from '../../src/model/library-model.ts';
import { buildPatternPage } from '../../src/model/pattern-page.ts';
import { renderBody } from '../../src/model/rendered.ts';
import { searchDocument } from '../../src/model/search-document.ts';
import { toStoredPattern } from '../../src/model/stored.ts';

const SLUG = 'commons-based-peer-production';
const FILE = `patterns/${SLUG}.md`;
const REFERENCE = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');
const CLOSE = REFERENCE.indexOf('\n---\n', 4);
const REFERENCE_DATA = load(REFERENCE.slice(4, CLOSE)) as Record<string, unknown>;
const REFERENCE_BODY = REFERENCE.slice(CLOSE + 5);
/** An older-format seed (a hand-written fixture), under the reference's slug. */
const OLDER = readFileSync(
  new URL('../../tests/fixtures/older-body/older-body.md', import.meta.url),
  'utf8',
);
const OLDER_CLOSE = OLDER.indexOf('\n---\n', 4);
const OLDER_DATA = {
  ...(load(OLDER.slice(4, OLDER_CLOSE)) as Record<string, unknown>),
  slug: SLUG,
};
const OLDER_BODY = OLDER.slice(OLDER_CLOSE + 5);

/** Characters XML 1.0 allows (its `Char` production). */
const XML_TEXT = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

const SITE: ExportSite = exportSiteWith(
  { title: 'Fuzz', description: 'Fuzzed patterns.', url: 'https://example.org', base: '/' },
  { updated: () => '2026-01-01T00:00:00.000Z' },
);

// ---------------------------------------------------------------- generator

/** Single characters that have broken an output before, or could. */
const HOSTILE_CHARACTER = fc.constantFrom(
  '\uD800',
  '\uDC00',
  '\u0000',
  '\u001b',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u009f',
  '\uFFFE',
  '\uFDD0',
  '\u{1FFFF}',
  '\u2028',
  '\n',
);

/** Strings of any code points (lone surrogates and controls included) and known troublemakers. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 10 }), HOSTILE_CHARACTER, fc.string({ maxLength: 10 }))
      .map((parts) => parts.join('')),
    weight: 3,
  },
  fc.constantFrom(
    'constructor',
    '__proto__',
    'toString',
    '<script>alert(1)</script>',
    ']]></title>',
    '&amp; &#0; &#xD800;',
    '\n::error file=x::forged',
    'by-score',
    'main',
    '',
    ' ',
  ),
);

const specialNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 5e-324, 2 ** 53 + 2, -1, 6),
  fc.double(),
  fc.integer(),
);

const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    specialNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** Nested one-item lists or mappings: `[[[x]]]`, `{a: {a: x}}`. */
const deep = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.boolean()).map(([depth, lists]) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = lists ? [value] : { a: value };
  return value;
});

/** A list or mapping with up to 1,100 items. */
const wide = fc
  .tuple(fc.integer({ min: 0, max: 1_100 }), fc.boolean())
  .map(([size, list]) =>
    list
      ? Array.from({ length: size }, (_, i) => `item-${String(i)}`)
      : Object.fromEntries(Array.from({ length: size }, (_, i) => [`k${String(i)}`, i])),
  );

type Data = Record<string, unknown>;
type Mutation = (data: Data) => void;

/** Every container and leaf of the data with the path to it. */
function nodes(data: unknown, path: (string | number)[] = []): (string | number)[][] {
  const own = [path];
  if (Array.isArray(data)) {
    return [...own, ...data.flatMap((item, index) => nodes(item, [...path, index]))];
  }
  if (typeof data === 'object' && data !== null) {
    return [...own, ...Object.entries(data).flatMap(([key, item]) => nodes(item, [...path, key]))];
  }
  return own;
}

function parentOf(
  data: Data,
  path: readonly (string | number)[],
): Record<string | number, unknown> {
  let node: unknown = data;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return node as Record<string | number, unknown>;
}

/** Replaces the node at the `pick`-th path (the root is never replaced). */
const replaceAt =
  (pick: number, value: unknown): Mutation =>
  (data) => {
    const paths = nodes(data).slice(1);
    const path = paths[pick % paths.length];
    if (path === undefined) return;
    parentOf(data, path)[path.at(-1) ?? ''] = value;
  };

/** Replaces the `pick`-th string of the data (free text keeps most files valid). */
const replaceString =
  (pick: number, text: string): Mutation =>
  (data) => {
    const strings = nodes(data).filter(
      (path) => path.length > 0 && typeof parentOf(data, path)[path.at(-1) ?? ''] === 'string',
    );
    const path = strings[pick % strings.length];
    if (path !== undefined) parentOf(data, path)[path.at(-1) ?? ''] = text;
  };

/** Adds a key (or list item) inside the `pick`-th container. */
const addAt =
  (pick: number, key: string, value: unknown): Mutation =>
  (data) => {
    const containers = nodes(data).filter((path) => {
      const node = path.length === 0 ? data : parentOf(data, path)[path.at(-1) ?? ''];
      return typeof node === 'object' && node !== null;
    });
    const path = containers[pick % containers.length] ?? [];
    const node = (path.length === 0 ? data : parentOf(data, path)[path.at(-1) ?? '']) as
      unknown[] | Data;
    if (Array.isArray(node)) node.push(value);
    // An own key even when it is `__proto__`.
    else
      Object.defineProperty(node, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  };

const dataMutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.tuple(fc.nat(), anyText).map(([pick, text]) => replaceString(pick, text)),
    weight: 4,
  },
  fc.tuple(fc.nat(), anyText).map(([pick, text]) => replaceAt(pick, text)),
  fc.tuple(fc.nat(), specialNumber).map(([pick, number]) => replaceAt(pick, number)),
  fc.tuple(fc.nat(), anyValue).map(([pick, value]) => replaceAt(pick, value)),
  fc.tuple(fc.nat(), anyText, anyValue).map(([pick, key, value]) => addAt(pick, key, value)),
  fc.tuple(fc.nat(), anyText, deep).map(([pick, key, value]) => addAt(pick, key, value)),
  fc.tuple(fc.nat(), anyText, wide).map(([pick, key, value]) => addAt(pick, key, value)),
);

const MARKDOWN = [
  '# A title',
  '## Main',
  '## Lens memory',
  '### Section 1: Context',
  '### Section 9: Nothing',
  '```js\nunclosed fence',
  '~~~\n# not a heading\n~~~',
  '[link](javascript:alert(1)) [ok](https://example.org/) <https://example.org>',
  '![image](data:text/html,<script>x</script>)',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '&#0; &#xFFFE; &#xD800; &amp; &lt;',
  'Text with a note.[^1]\n\n[^1]: The note.',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '- [ ] task\n- [x] done',
  `${'> '.repeat(40)}deep quote`,
  `${'- '.repeat(40)}deep list`,
  `${'['.repeat(50)}x${']'.repeat(50)}`,
  `${'*'.repeat(60)}x`,
  '> [!NOTE] Confidence Rating: ★★★★ (Too many)',
  '---',
  '\f',
  '\u0000',
];

const markdownPart = fc.oneof(fc.constantFrom(...MARKDOWN), anyText);

type TextMutation = (text: string) => string;

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  // A raw line anywhere in the file (front matter included).
  fc.tuple(fc.nat(), anyText).map(([pick, line]): TextMutation => (text) => {
    const lines = text.split('\n');
    lines.splice(pick % (lines.length + 1), 0, line);
    return lines.join('\n');
  }),
  // A line removed.
  fc.nat().map((pick): TextMutation => (text) => {
    const lines = text.split('\n');
    lines.splice(pick % lines.length, 1);
    return lines.join('\n');
  }),
  // Markdown added to the body.
  fc.array(markdownPart, { minLength: 1, maxLength: 4 }).map(
    (parts): TextMutation =>
      (text) =>
        `${text}\n\n${parts.join('\n\n')}\n`,
  ),
);

/**
 * A mutated seed file (the v7.1 reference, or one in four times an older-format file): data
 * mutations, then text mutations (either list may be empty).
 */
export const mutatedPattern: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(dataMutation, { maxLength: 3 }),
    fc.array(textMutation, { maxLength: 3 }),
    fc.boolean(),
    fc.nat(3),
  )
  .map(([data, text, crlf, seed]) => {
    const older = seed === 0;
    const frontmatter = structuredClone(older ? OLDER_DATA : REFERENCE_DATA);
    for (const mutate of data) mutate(frontmatter);
    let file = `---\n${dump(frontmatter, { lineWidth: -1 })}---\n${older ? OLDER_BODY : REFERENCE_BODY}`;
    for (const mutate of text) file = mutate(file);
    return crlf ? file.replace(/\n/g, '\r\n') : file;
  });

// ---------------------------------------------------------------- property

const LINE = new RegExp(
  `^(?:${FILE.replace(/[.]/g, '\\.')}:\\d+:\\d+: (?:error|warning): |::(?:error|warning) file=)`,
);

function parsesAsHtml(html: string, what: string, fragment = true): void {
  const errors: ParserError[] = [];
  const onParseError = (error: ParserError): void => {
    // The search document is a fragment for Pagefind, deliberately without a doctype.
    if (error.code !== ErrorCodes.missingDoctype) errors.push(error);
  };
  if (fragment) parseFragment(html, { onParseError });
  else parse(html, { onParseError });
  assert.deepEqual(
    errors.map(({ code }) => code),
    [],
    `${what} does not parse as HTML: ${html.slice(0, 200)}`,
  );
}

/** Parses XML with saxes, a strict XML 1.0 parser (it also refuses characters XML forbids). */
function wellFormedXml(xml: string, what: string): void {
  const errors: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    errors.push(error.message);
  });
  parser.write(xml).close();
  assert.deepEqual(errors, [], `${what} is not well-formed XML`);
}

function validText(text: string, what: string): void {
  assert.ok(XML_TEXT.test(text), `${what} holds a character no output may hold`);
}

/** Asserts everything the issue asks of one file; throws (an AssertionError) when it fails. */
export async function checkProperty(text: string): Promise<'accepted' | 'refused'> {
  const { pattern, diagnostics: own, entry } = readPatternFile(FILE, Buffer.from(text));
  const diagnostics = sortDiagnostics([...own, ...checkLibrary(entry ? [entry] : [], [FILE])]);
  for (const annotate of [false, true]) {
    const lines = checkReport(1, diagnostics, annotate).split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.pop(), summarize(1, diagnostics));
    const table = ruleTable(diagnostics);
    assert.deepEqual(lines.splice(lines.length - table.length), table);
    for (const line of lines) {
      assert.match(line, LINE);
      assert.ok(line.isWellFormed(), 'a diagnostic holds a lone surrogate');
    }
  }
  if (pattern === undefined || diagnostics.some((d) => d.severity === 'error')) return 'refused';

  const stored = toStoredPattern(pattern);
  const library = buildLibraryModel([stored]);
  const rendered = renderBody(stored);
  const page = buildPatternPage(library, SLUG, rendered);

  const fragments = [
    rendered.summaryHtml,
    ...rendered.sections.map(({ html }) => html),
    ...rendered.extras,
    ...rendered.lensGuidance.values(),
    ...rendered.lensKnownUses.values(),
  ];
  fragments.forEach((html, index) => {
    parsesAsHtml(html, `HTML fragment ${String(index)}`);
  });
  const search = searchDocument(stored, rendered);
  parsesAsHtml(search, 'the search document', false);
  validText(search, 'the search document');

  const ids = [
    ...RESERVED_PAGE_IDS,
    ...(page.format !== 'v7.1'
      ? page.sections.map(({ id }) => id)
      : [...SECTION_KEYS, ...page.extras.map(({ id }) => id)]),
  ];
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(' ')}`);

  const pageJson = JSON.stringify(page);
  assert.ok(pageJson.isWellFormed(), 'the page model holds a lone surrogate');
  validText(pageJson, 'the page model');
  const exported = JSON.parse(JSON.stringify(patternExport(stored, rendered, SITE, []))) as unknown;
  patternExportSchema.parse(exported);
  const jsonLd = serializeJsonLd(patternJsonLd(page, SITE));
  JSON.parse(jsonLd);
  validText(jsonLd, 'the JSON-LD');

  const xml = await getRssString({
    title: SITE.title,
    description: SITE.description,
    site: SITE.home,
    items: feedItems(library, SITE),
  });
  wellFormedXml(xml, 'the feed');
  validText(llmsTxt(library, SITE), 'llms.txt');
  return 'accepted';
}
