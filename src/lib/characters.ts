/**
 * Characters no output may hold. XML 1.0 forbids the C0 control characters other than tab, line
 * feed and carriage return, and U+FFFE and U+FFFF; HTML also counts DEL, the C1 controls and
 * every noncharacter (U+FDD0–U+FDEF, the last two code points of each plane) as parse errors;
 * a lone surrogate (half of a UTF-16 pair) is not a character at all and crashes the search
 * indexer. A pattern's text reaches HTML, XML (the feed), JSON, JSON-LD, Pagefind and llms.txt,
 * so none of them may pass.
 *
 * - In the front matter they can only come from YAML escapes (`"\0"`, `"\uD800"`; raw ones are a
 *   YAML error already): a deliberate act, refused with an error naming the field, key or value.
 * - In the body they are invisible paste accidents (two real files hold a form feed): removed,
 *   with a warning at their line and column.
 */
import type { BodyIssue } from './body.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Frontmatter } from './frontmatter.ts';
import { formatPath, type FieldPath } from './positions.ts';

/** The last two code points of planes 1 to 16 (U+1FFFE, U+1FFFF … U+10FFFF). */
const PLANE_ENDS = Array.from({ length: 16 }, (_, plane) => {
  const end = (plane + 2) * 0x10000 - 1;
  return `\\u{${(end - 1).toString(16)}}\\u{${end.toString(16)}}`;
}).join('');

/** One forbidden character; with the `u` flag a surrogate pair is one code point and never matches. */
const FORBIDDEN = new RegExp(
  `[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF\\uD800-\\uDFFF${PLANE_ENDS}]`,
  'u',
);
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/**
 * A cheap first test, without the `u` flag (which makes the full one slow on the real library's
 * 93 MB): the forbidden BMP characters and any surrogate (only 2 of the real library's 3,616
 * files hold a character outside the BMP, so the full test seldom runs).
 */
const MAYBE_FORBIDDEN = new RegExp(
  `[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF\\uD800-\\uDFFF]`,
);

/** Whether `text` may hold a forbidden character (never false when it does). */
const mayHoldForbidden = (text: string): boolean => MAYBE_FORBIDDEN.test(text);

/** Most body warnings about removed characters per file; the rest are counted in the last one. */
export const MAX_CHARACTER_WARNINGS = 10;

/** `U+000C, a control character`, `U+D800, a lone surrogate`, … */
export function nameCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return `${hex}, a lone surrogate (half of a UTF-16 pair)`;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `${hex}, a control character`;
  return `${hex}, a noncharacter`;
}

/** The first forbidden character of a text, if any. */
export function forbiddenCharacter(text: string): string | undefined {
  return mayHoldForbidden(text) ? FORBIDDEN.exec(text)?.[0] : undefined;
}

/** Errors for every front-matter key and string value that holds a forbidden character. */
export function forbiddenInFrontmatter(file: string, frontmatter: Frontmatter): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (path: FieldPath, at: 'key' | 'value', char: string): void => {
    const { line, column } = frontmatter.locate(path, at);
    diagnostics.push({
      file,
      line,
      column,
      severity: 'error',
      rule: 'characters',
      path: formatPath(path),
      message: `${at === 'key' ? 'key' : 'text'} contains ${nameCharacter(char)}, which no page, feed or search index can hold; remove the escape that writes it`,
    });
  };
  const walk = (value: unknown, path: FieldPath): void => {
    if (typeof value === 'string') {
      const char = forbiddenCharacter(value);
      if (char !== undefined) report(path, 'value', char);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, [...path, index]);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const char = forbiddenCharacter(key);
        if (char !== undefined) report([...path, key], 'key', char);
        walk(item, [...path, key]);
      }
    }
  };
  walk(frontmatter.data, []);
  return diagnostics;
}

/** The body without forbidden characters, and a warning for each one removed. */
export function removeForbidden(
  body: string,
  firstLine: number,
): { text: string; issues: BodyIssue[] } {
  if (!mayHoldForbidden(body) || !FORBIDDEN.test(body)) return { text: body, issues: [] };
  const issues: BodyIssue[] = [];
  let line = 0;
  let lineStart = 0;
  let count = 0;
  for (const match of body.matchAll(FORBIDDEN_ALL)) {
    count += 1;
    if (count > MAX_CHARACTER_WARNINGS) continue;
    for (let i = body.indexOf('\n', lineStart); i !== -1 && i < match.index;) {
      line += 1;
      lineStart = i + 1;
      i = body.indexOf('\n', lineStart);
    }
    issues.push({
      line: firstLine + line,
      column: match.index - lineStart + 1,
      severity: 'warning',
      rule: 'characters',
      path: 'body',
      message: `removed ${nameCharacter(match[0])}, which no page or feed can hold`,
    });
  }
  if (count > MAX_CHARACTER_WARNINGS) {
    const last = issues.at(-1);
    issues.push({
      line: last?.line ?? firstLine,
      column: last?.column ?? 1,
      severity: 'warning',
      rule: 'characters',
      path: 'body',
      message: `removed ${String(count - MAX_CHARACTER_WARNINGS)} more such characters`,
    });
  }
  return { text: body.replace(FORBIDDEN_ALL, ''), issues };
}
