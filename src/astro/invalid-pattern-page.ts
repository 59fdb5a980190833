/**
 * The dev server's page for a pattern file that is invalid now: the file and each of its errors
 * as `npm run check` prints them, and how it recovers (save the fixed file; the page reloads on
 * the next request). Plain HTML, no script: nothing from the file can run.
 */
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { escapeHtml } from '../lib/escape-html.ts';

export function invalidPatternPage(file: string, errors: readonly Diagnostic[]): string {
  const items = errors.map((d) => `<li><code>${escapeHtml(formatDiagnostic(d))}</code></li>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(file)} is invalid</title>`,
    '<main style="font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem">',
    `<h1>${escapeHtml(file)} is invalid</h1>`,
    `<p>${String(errors.length)} error(s), as <code>npm run check</code> reports them:</p>`,
    `<ul>${items.join('')}</ul>`,
    '<p>Fix the file and save it, then reload this page.</p>',
    '</main>',
    '</html>',
  ].join('\n');
}
