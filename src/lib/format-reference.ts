/**
 * The pattern format's field-by-field reference, in Markdown, generated from the published JSON
 * Schema (itself generated from the Zod schema and its one-line descriptions) and the body's
 * section list: one source of truth for CONTRIBUTING.md (`npm run schema` writes it between
 * {@link REFERENCE_START} and {@link REFERENCE_END}) and the site's /contribute/ page.
 */
import { SLUG_PATTERN } from '../../schema/fields.ts';
import { patternJsonSchema } from '../../schema/json-schema.ts';
import { SECTION_KEYS, SECTION_TITLES } from './body.ts';
import { SECTION_GUIDANCE } from './scaffold.ts';
import { confidenceLabel } from '../model/labels.ts';

/** The parts of a JSON Schema node the reference reads. */
interface SchemaNode {
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly SchemaNode[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
}

interface Row {
  readonly field: string;
  readonly type: string;
  readonly required: string;
  readonly description: string;
}

const code = (text: string): string => `\`${text}\``;

function numberType(node: SchemaNode): string {
  const noun = node.type === 'integer' ? 'whole number' : 'number';
  const { minimum: min, maximum: max } = node;
  if (min !== undefined && max !== undefined) return `${noun} ${String(min)}–${String(max)}`;
  if (min !== undefined) return `${noun} ≥ ${String(min)}`;
  return noun;
}

function stringType(node: SchemaNode, list: boolean): string {
  if (node.format === 'date') return 'date (YYYY-MM-DD)';
  if (node.pattern === SLUG_PATTERN.source) return list ? 'kebab-case names' : 'kebab-case name';
  if (node.pattern !== undefined) return `text matching ${code(node.pattern)}`;
  return node.maxLength === undefined ? 'text' : `text of ≤ ${String(node.maxLength)} characters`;
}

/** The type of a value in words; `list` names the items of a list (plural). */
function typeOf(node: SchemaNode, list = false): string {
  if (node.enum !== undefined) return `one of ${node.enum.map((v) => code(String(v))).join(', ')}`;
  if (node.anyOf !== undefined)
    return node.anyOf.map((option) => typeOf(option, list)).join(' or ');
  switch (node.type) {
    case 'string':
      return stringType(node, list);
    case 'number':
    case 'integer':
      return numberType(node);
    case 'array': {
      const items = node.items === undefined ? 'values' : typeOf(node.items, true);
      const atLeast = node.minItems === undefined ? '' : `, at least ${String(node.minItems)}`;
      return `list of ${items}${atLeast}`;
    }
    case 'object': {
      const noun = list ? 'mappings' : 'mapping';
      return typeof node.additionalProperties === 'object' ? `${noun}, more keys allowed` : noun;
    }
    default:
      return 'any value';
  }
}

function requirement(node: SchemaNode, required: boolean): string {
  if (required) return 'yes';
  return node.default === undefined ? 'no' : `no (default ${code(JSON.stringify(node.default))})`;
}

/**
 * One row per field, in schema order, nested fields after their parent (`a.b`, list items as
 * `a[].b`). Lists whose items repeat an earlier list's shape point to it instead of repeating it.
 */
function rows(node: SchemaNode, prefix: string, shapes: Map<string, string>): Row[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const field = `${prefix}${key}`;
    const items = child.type === 'array' ? child.items : undefined;
    const shape = items?.properties === undefined ? undefined : JSON.stringify(items);
    const seen = shape === undefined ? undefined : shapes.get(shape);
    if (shape !== undefined && seen === undefined) shapes.set(shape, field);
    const row: Row = {
      field: code(field),
      type: seen === undefined ? typeOf(child) : `list of mappings, as in ${code(seen)}`,
      required: requirement(child, node.required?.includes(key) ?? false),
      description: child.description ?? '',
    };
    const nested =
      items === undefined
        ? rows(child, `${field}.`, shapes)
        : seen
          ? []
          : rows(items, `${field}[].`, shapes);
    return [row, ...nested];
  });
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function table(list: readonly Row[]): string {
  const lines = list.map(
    (row) => `| ${[row.field, row.type, row.required, row.description].map(cell).join(' | ')} |`,
  );
  return ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...lines].join(
    '\n',
  );
}

/** The format reference as Markdown (level-3 headings), from the published JSON Schema. */
export function formatReference(
  schema: SchemaNode = JSON.parse(patternJsonSchema()) as SchemaNode,
): string {
  const established = confidenceLabel(3);
  const sections = SECTION_KEYS.map(
    (key, index) =>
      `${String(index + 1)}. \`### Section ${String(index + 1)}: ${SECTION_TITLES[key]}\` — ${SECTION_GUIDANCE[key]}`,
  );
  return [
    '### Frontmatter',
    `${schema.description ?? ''} It sits between two \`---\` lines at the top of the file. Fields in file order; a field that is not required may be left out.`,
    table(rows(schema, '', new Map())),
    '### Body',
    'Markdown after the frontmatter, in this order:',
    [
      '- a summary paragraph;',
      `- the confidence callout, \`> [!NOTE] Confidence Rating: ${established.stars} (${established.words})\` (one to three ★), with a line on what the rating rests on;`,
      '- the eight sections, each under its heading (`---` lines between them are optional):',
    ].join('\n'),
    sections.join('\n'),
    "Links in the text: to another pattern by its file name, `[Vitality Diagnosis](vitality-diagnosis.md)` (a `#section` may follow), which the site turns into a link to its page; to anything else, and every image, by a full address (`https://…`): the folder's other files are not published. `npm run check` warns about a link that leads nowhere.",
  ].join('\n\n');
}

/** The lines around the generated reference in CONTRIBUTING.md. */
export const REFERENCE_START =
  '<!-- format reference: generated from schema/ by `npm run schema`; edit the schema, not this -->';
export const REFERENCE_END = '<!-- end of format reference -->';

/** The lines around the configured covenant and licence in CONTRIBUTING.md. */
export const COVENANT_START =
  '<!-- covenant and licence: from the site configuration (contributing) by `npm run schema`; edit the configuration, not this -->';
export const COVENANT_END = '<!-- end of covenant and licence -->';

/** `document` with the text between the `start` and `end` marker lines replaced by `text`. */
export function withGenerated(document: string, start: string, end: string, text: string): string {
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to < from) throw new Error(`missing "${start}" … "${end}" lines`);
  return [
    document.slice(0, from + start.length),
    '<!-- prettier-ignore-start -->',
    text,
    '<!-- prettier-ignore-end -->',
    document.slice(to),
  ].join('\n');
}

/** `document` with the text between its reference markers replaced by `reference`. */
export const withReference = (document: string, reference: string): string =>
  withGenerated(document, REFERENCE_START, REFERENCE_END, reference);

/** `document` with its covenant and licence from the site configuration. */
export const withCovenant = (
  document: string,
  contributing: { readonly covenant: string; readonly licence: string },
): string =>
  withGenerated(
    document,
    COVENANT_START,
    COVENANT_END,
    `${contributing.covenant}\n\n${contributing.licence}`,
  );
