/**
 * The unit of the labelled lens set: a sentence or semicolon clause of an Implementation
 * section's plain text (each paragraph, heading and list item on its own), normalised to
 * lower case with Markdown punctuation, brackets and quotes dropped. Independent of
 * src/lib/lens-guidance.ts on purpose: it only reads text.
 */
import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseBody } from '../../src/lib/body.ts';
import { readFrontmatter } from '../../src/lib/frontmatter.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Lower case, words and sentence punctuation only. */
export const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[*_`"“”‘’'()[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[;,:]$/, '');

/** The units of a Markdown text, in order. */
export function unitsOf(markdown: string): string[] {
  const tree = parser.parse(markdown);
  const units: string[] = [];
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return undefined;
    const text = toString(node, { includeImageAlt: false });
    for (const part of text.split(/(?<=[.!?…]["'”’)]*)\s+(?=["'“‘(*_]?[A-Z0-9])|;\s+/)) {
      const unit = normalise(part);
      if (/[a-z]/.test(unit)) units.push(unit);
    }
    return 'skip';
  });
  return units;
}

/** A real pattern file's lenses and Implementation Markdown. */
export function implementationOf(file: string): { lenses: string[]; markdown: string } {
  const read = readFrontmatter(readFileSync(file, 'utf8'));
  const labels = (read.data as Record<string, unknown>)['context_labels'];
  const body = parseBody(read.body, read.bodyLine);
  return {
    lenses: typeof labels === 'object' && labels !== null ? Object.keys(labels) : [],
    markdown: body.sections.find(({ key }) => key === 'implementation')?.markdown ?? '',
  };
}

/** One hand-labelled file: per lens, units by their opening words, or ranges of units. */
export interface LensLabels {
  readonly file: string;
  readonly guidance: Readonly<Record<string, readonly (string | readonly [string, string])[]>>;
}

/** Index of the first unit at or after `from` that opens with `prefix`; throws when none. */
function find(units: readonly string[], prefix: string, from: number, file: string): number {
  const wanted = normalise(prefix);
  const index = units.findIndex((unit, at) => at >= from && unit.startsWith(wanted));
  if (index < 0) throw new Error(`${file}: no unit opens with "${prefix}"`);
  return index;
}

/** The unit indices labelled as guidance for each lens. */
export function expectedUnits(
  units: readonly string[],
  labels: LensLabels,
): Map<string, Set<number>> {
  const expected = new Map<string, Set<number>>();
  for (const [lens, entries] of Object.entries(labels.guidance)) {
    const indices = new Set<number>();
    for (const entry of entries) {
      const [from, to] = typeof entry === 'string' ? [entry, entry] : entry;
      const start = find(units, from, 0, labels.file);
      const end = find(units, to, start, labels.file);
      for (let index = start; index <= end; index += 1) indices.add(index);
    }
    expected.set(lens, indices);
  }
  return expected;
}
