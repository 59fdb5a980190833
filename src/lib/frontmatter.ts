/**
 * Front-matter stage: text → raw YAML value with field positions, and the body.
 *
 * gray-matter splits the file, but with every engine replaced: YAML goes to
 * our safe parser, and every other language (`---js`, `---javascript`,
 * `---coffee`, `---json`…) is refused before any engine is looked up. Left to
 * itself gray-matter evaluates `---js` front matter even when told
 * `engines: { js: false }`, because a falsy engine falls back to its default.
 */
import matter from 'gray-matter';
import { createLineIndex, type FieldPath, type Position } from './positions.ts';
import { parseYaml, YamlProblem, type FieldOffsets, type ParsedYaml } from './yaml.ts';

export interface Frontmatter {
  /** The YAML value as written (not yet validated). */
  readonly data: unknown;
  /** The Markdown after the closing `---`. */
  readonly body: string;
  /** File line (1-based) on which the body starts. */
  readonly bodyLine: number;
  /** Where a field stands in the file; a missing field points at its nearest present parent. */
  readonly locate: (path: FieldPath, at?: keyof FieldOffsets) => Position;
}

/** A problem that stops the file from being read, at a position in the file. */
export class SourceProblem extends Error {
  readonly position: Position;
  /** What the problem concerns, in place of a field path: `file` or `front matter`. */
  readonly subject: 'file' | 'front matter';
  constructor(
    message: string,
    position: Position,
    subject: SourceProblem['subject'] = 'front matter',
  ) {
    super(message);
    this.position = position;
    this.subject = subject;
  }
}

const refuse = (language: string) => () => {
  throw new Error(`front matter language "${language}" is not allowed`);
};

const START = { line: 1, column: 1 };

/** Splits a pattern file into its YAML front matter (parsed safely) and its body. */
export function readFrontmatter(text: string): Frontmatter {
  if (!/\S/.test(text)) throw new SourceProblem('the file is empty', START, 'file');
  const opening = /^---([^\n]*)(?:\n|$)/.exec(text);
  if (!opening) {
    throw new SourceProblem(
      'no front matter: a pattern file starts with a line "---"',
      START,
      'file',
    );
  }
  const language = (opening[1] ?? '').trim();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    throw new SourceProblem(
      `front matter language "${language}" is not allowed: pattern front matter is YAML ("---" alone on the first line)`,
      { line: 1, column: 4 },
    );
  }
  const close = text.indexOf('\n---', opening[0].length - 1);
  if (close === -1) {
    throw new SourceProblem('the front matter is never closed: add a line "---" after it', START);
  }
  const closeEnd = text.indexOf('\n', close + 1);
  const header = closeEnd === -1 ? text : text.slice(0, closeEnd);
  const body = closeEnd === -1 ? '' : text.slice(closeEnd + 1);
  const position = createLineIndex(header);
  // Where gray-matter's block starts: after the language when the opening line names one, else
  // right after the `---` (trailing spaces on that line are part of the block).
  const matterStart = language === '' ? 3 : opening[0].length - 1;
  const result: { yaml?: ParsedYaml } = {};
  const yaml = (source: string): object => {
    result.yaml = parseYaml(source);
    return {};
  };
  try {
    // gray-matter sees only the front-matter block: it keys a cache by its whole input.
    matter(header, {
      language: 'yaml',
      engines: {
        yaml,
        yml: yaml,
        js: refuse('js'),
        javascript: refuse('javascript'),
        json: refuse('json'),
        coffee: refuse('coffee'),
        cson: refuse('cson'),
        toml: refuse('toml'),
      },
    });
  } catch (error) {
    if (error instanceof YamlProblem) {
      throw new SourceProblem(error.message, position(matterStart + error.offset));
    }
    throw error;
  }
  if (!result.yaml) {
    throw new SourceProblem('the front matter is empty', { line: 2, column: 1 });
  }
  const parsed = result.yaml;
  const { value } = parsed;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SourceProblem('the front matter must be a YAML mapping of fields', {
      line: 2,
      column: 1,
    });
  }
  return {
    data: value,
    body,
    bodyLine: position(header.length).line + 1,
    locate: (path, at = 'key') => {
      const found = parsed.locate(path);
      return found ? position(matterStart + found[at]) : START;
    },
  };
}
