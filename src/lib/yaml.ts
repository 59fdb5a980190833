/**
 * Safe YAML for untrusted front matter, built on js-yaml 5's event parser.
 *
 * - Only the YAML 1.2 core schema: no `!!js/*` or other code-bearing tags.
 * - Duplicate keys are errors that name the key.
 * - Limits, each with its own message, checked on the event stream before
 *   any value is built: nesting ({@link MAX_DEPTH}), items per list or
 *   mapping ({@link MAX_ITEMS}), characters per string ({@link MAX_STRING_LENGTH})
 *   and per key ({@link MAX_KEY_LENGTH}), and the total size of the value
 *   ({@link MAX_EXPANDED_NODES}), with every alias counted as the size of what
 *   it repeats: an alias bomb fails fast, before anything walks the value.
 * - Every key and value gets its source offset, so later stages can point at
 *   the exact line and column of a field.
 */
import {
  CORE_SCHEMA,
  EVENT_ID,
  constructFromEvents,
  getScalarValue,
  parseEvents,
  type Event,
} from 'js-yaml';
import type { FieldPath } from './positions.ts';

/** Deepest nesting a pattern's front matter may use (the format needs 4). */
export const MAX_DEPTH = 32;
/** Most nodes the value may hold once aliases are expanded. */
export const MAX_EXPANDED_NODES = 100_000;
/** Most items in one list or entries in one mapping (the real library's largest list has 42). */
export const MAX_ITEMS = 1_000;
/** Longest string value, in characters (the real library's longest has 604). */
export const MAX_STRING_LENGTH = 10_000;
/** Longest mapping key, in characters (the real library's longest has 24). */
export const MAX_KEY_LENGTH = 100;

/** Source offsets of one field: its key (when it has one) and its value. */
export interface FieldOffsets {
  readonly key: number;
  readonly value: number;
}

export interface ParsedYaml {
  readonly value: unknown;
  /**
   * Where a field stands: the offsets of the field at `path`, else of its nearest present parent
   * (the root for `[]`); undefined for an empty document.
   */
  readonly locate: (path: FieldPath) => FieldOffsets | undefined;
}

/** A YAML problem at a source offset. */
export class YamlProblem extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

interface Frame {
  readonly kind: 'map' | 'seq';
  /** The collection's node (see {@link Nodes}). */
  readonly node: number;
  readonly anchor: string | undefined;
  /** Expanded node count when the collection opened; its size is the difference at its end. */
  readonly totalAtStart: number;
  index: number;
  key: string | undefined;
  keyStart: number;
  /** Keys seen so far (mappings only), to name a duplicate. */
  readonly keys: Set<string>;
}

function eventStart(event: Event): number {
  switch (event.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.anchorStart >= 0 ? event.anchorStart - 1 : event.start;
    case EVENT_ID.SCALAR: {
      // An anchor or tag stands before the value; the earliest present one starts the node.
      let start = event.valueStart;
      if (event.anchorStart > 0 && event.anchorStart - 1 < start) start = event.anchorStart - 1;
      if (event.tagStart > 0 && event.tagStart - 1 < start) start = event.tagStart - 1;
      return start;
    }
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return 0;
  }
}

/** Parses one YAML document safely; throws {@link YamlProblem} with an offset on any problem. */
export function parseYaml(source: string): ParsedYaml {
  let events: Event[];
  let value: unknown;
  try {
    events = parseEvents(source, { maxDepth: MAX_DEPTH });
  } catch (error) {
    throw withHint(toProblem(error), source);
  }
  const nodes = indexEvents(source, events);
  try {
    [value] = constructFromEvents(events, { source, schema: CORE_SCHEMA });
  } catch (error) {
    throw withHint(toProblem(error), source);
  }
  return { value, locate: (path) => locate(nodes, path) };
}

/** Friendlier words for js-yaml's terse reasons. */
function explain(reason: string): string {
  const tag = /^unknown \w+ tag !<tag:yaml\.org,2002:(.+)>$/.exec(reason)?.[1];
  if (tag !== undefined) {
    return `tag !!${tag} is not allowed: front matter is plain YAML (no tags that build values or run code)`;
  }
  if (reason.startsWith('nesting exceeded maxDepth')) {
    return `nesting deeper than ${String(MAX_DEPTH)} levels`;
  }
  // Keys that differ as written but not as values (`~` and `null`); others are named earlier.
  if (reason === 'duplicated mapping key') return 'duplicate key (each key may appear once)';
  if (reason === 'deficient indentation') {
    return 'bad indentation: this line is indented too little, or a bracket above is not closed';
  }
  return reason;
}

/** `key: value: more`: a plain (unquoted) value that holds a colon and a space. */
const UNQUOTED_COLON = /^\s*(?:-\s+)?([^\s:#"'][^:#]*?):[ \t]+([^\s"'[{>|&*!#][^#]*?:(?:\s|$).*)$/;
/** `-item`: a list item without the space after its dash, in a list of `- item`s. */
const DASH_WITHOUT_SPACE = /^\s*-[^\s-]/;

/**
 * A hint in plain words for the common mistakes behind a YAML error: a value with an unquoted
 * colon, a tab in the indentation, a list item without the space after its dash. Looks at the
 * line the parser stopped on and the one before it (js-yaml often stops one line late).
 */
export function yamlHint(source: string, offset: number): string | undefined {
  const lines = source.slice(0, offset).split('\n');
  const here = lines.length - 1;
  const all = source.split('\n');
  const candidates = [all[here], all[here - 1]].filter((line) => line !== undefined);
  for (const line of candidates) {
    if (/^[ ]*\t/.test(line)) {
      return 'the indentation holds a tab; YAML indents with spaces only';
    }
    const colon = UNQUOTED_COLON.exec(line);
    if (colon) {
      return `the value of "${colon[1] ?? ''}" holds ": "; put the whole value in double quotes: ${colon[1] ?? ''}: "${(colon[2] ?? '').trim().replaceAll('"', '\\"')}"`;
    }
    if (DASH_WITHOUT_SPACE.test(line)) {
      const item = line.trim();
      return `a list item needs a space after its dash: "- ${item.slice(1)}", not "${item}"`;
    }
  }
  return undefined;
}

function withHint(problem: YamlProblem, source: string): YamlProblem {
  const hint = yamlHint(source, problem.offset);
  return hint === undefined
    ? problem
    : new YamlProblem(`${problem.message}. Hint: ${hint}`, problem.offset);
}

function toProblem(error: unknown): YamlProblem {
  if (error instanceof Error && 'reason' in error && typeof error.reason === 'string') {
    const mark = (error as { mark?: { position: number } }).mark;
    return new YamlProblem(explain(error.reason), mark?.position ?? 0);
  }
  return new YamlProblem(error instanceof Error ? error.message : String(error), 0);
}

/**
 * The document's nodes as a tree of offsets: per node its name in its parent (a key, or an index
 * in a list), its key's and its value's offsets, and (a collection) its children. Made while the
 * events are walked, without a string per path; {@link locate} walks it for the few fields a
 * message or an entry names.
 */
interface Nodes {
  readonly names: (string | number)[];
  readonly keys: number[];
  readonly values: number[];
  readonly children: (number[] | undefined)[];
  /** The document's root node; -1 before it is met. */
  root: number;
}

/** The offsets of the node at `path`, else of its nearest present parent. */
function locate(nodes: Nodes, path: FieldPath): FieldOffsets | undefined {
  let node = nodes.root;
  if (node === -1) return undefined;
  for (const name of path) {
    const child = nodes.children[node]?.find((candidate) => nodes.names[candidate] === name);
    if (child === undefined) break;
    node = child;
  }
  return { key: nodes.keys[node] ?? 0, value: nodes.values[node] ?? 0 };
}

/** Walks the event stream once: records field offsets and bounds alias expansion. */
function indexEvents(source: string, events: readonly Event[]): Nodes {
  const nodes: Nodes = { names: [], keys: [], values: [], children: [], root: -1 };
  const node = (name: string | number, key: number, value: number): number => {
    nodes.names.push(name);
    nodes.keys.push(key);
    nodes.values.push(value);
    nodes.children.push(undefined);
    return nodes.names.length - 1;
  };
  const anchorSizes = new Map<string, number>();
  const stack: Frame[] = [];
  let total = 0;
  let aliased = false;

  const count = (nodes: number, offset: number): void => {
    total += nodes;
    if (total <= MAX_EXPANDED_NODES) return;
    throw new YamlProblem(
      aliased
        ? `YAML aliases expand to more than ${String(MAX_EXPANDED_NODES)} values; front matter must not repeat content through aliases like this`
        : `the front matter holds more than ${String(MAX_EXPANDED_NODES)} values`,
      offset,
    );
  };
  const anchorName = (start: number, end: number): string | undefined =>
    start >= 0 ? source.slice(start, end) : undefined;

  /** Claims the slot a new node fills: undefined for a mapping key, else the value's node. */
  const place = (start: number): number | undefined => {
    const parent = stack.at(-1);
    if (!parent) {
      nodes.root = node('', start, start);
      return nodes.root;
    }
    if (parent.kind === 'map' && parent.key === undefined) return undefined;
    const slot =
      parent.kind === 'map'
        ? node(parent.key ?? '', parent.keyStart, start)
        : node(parent.index, start, start);
    const siblings = nodes.children[parent.node];
    if (siblings) siblings.push(slot);
    else nodes.children[parent.node] = [slot];
    parent.index += 1;
    if (parent.index > MAX_ITEMS) {
      throw new YamlProblem(
        `more than ${String(MAX_ITEMS)} ${parent.kind === 'map' ? 'entries in one mapping' : 'items in one list'}`,
        parent.kind === 'map' ? parent.keyStart : start,
      );
    }
    if (parent.kind === 'map') parent.key = undefined;
    return slot;
  };

  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      const frame = stack.pop();
      if (frame?.anchor !== undefined) anchorSizes.set(frame.anchor, total - frame.totalAtStart);
      continue;
    }
    const start = eventStart(event);
    const slot = place(start);
    if (event.type === EVENT_ID.ALIAS) {
      if (slot === undefined) throw new YamlProblem('aliases cannot be used as keys', start);
      const name = source.slice(event.anchorStart, event.anchorEnd);
      aliased = true;
      count(anchorSizes.get(name) ?? 1, start);
      continue;
    }
    count(1, start);
    if (event.type === EVENT_ID.SCALAR) {
      const anchor = anchorName(event.anchorStart, event.anchorEnd);
      if (anchor !== undefined) anchorSizes.set(anchor, 1);
      if (slot === undefined) {
        const parent = stack.at(-1);
        if (parent) {
          const key = getScalarValue(source, event);
          if (key.length > MAX_KEY_LENGTH) {
            throw new YamlProblem(
              `key longer than ${String(MAX_KEY_LENGTH)} characters (it has ${String(key.length)})`,
              start,
            );
          }
          if (parent.keys.has(key)) {
            throw new YamlProblem(`duplicate key "${key}" (each key may appear once)`, start);
          }
          parent.keys.add(key);
          parent.key = key;
          parent.keyStart = start;
        }
      } else if (event.valueEnd - event.valueStart > MAX_STRING_LENGTH) {
        // The decoded value is never longer than its source text, so only long sources are decoded.
        const { length } = getScalarValue(source, event);
        if (length > MAX_STRING_LENGTH) {
          throw new YamlProblem(
            `text longer than ${String(MAX_STRING_LENGTH)} characters (it has ${String(length)})`,
            start,
          );
        }
      }
      continue;
    }
    if (slot === undefined) {
      throw new YamlProblem('keys must be plain text, not lists or maps', start);
    }
    stack.push({
      kind: event.type === EVENT_ID.MAPPING ? 'map' : 'seq',
      node: slot,
      anchor: anchorName(event.anchorStart, event.anchorEnd),
      totalAtStart: total - 1,
      index: 0,
      key: undefined,
      keyStart: start,
      keys: new Set(),
    });
  }
  return nodes;
}
