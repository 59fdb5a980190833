/**
 * Placeholders: text a tool writes where only a person can supply the value (`npm run new`'s
 * draft, `npm run migrate`). One marker, one recogniser: the check reports every placeholder
 * left in a file — in the front matter or in the body — as an error naming its field or
 * section and what to write, so a draft can never be published half-written.
 */
import type { FieldPath } from './positions.ts';

/** How every placeholder begins. */
export const PLACEHOLDER_MARK = 'FILL IN: ';

/** A placeholder asking for `what` (`the title of the pattern for public service`). */
export const placeholder = (what: string): string => `${PLACEHOLDER_MARK}${what}`;

/** Whether a value is a placeholder. */
export const isPlaceholder = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(PLACEHOLDER_MARK);

/** A placeholder found in raw front matter: where, and what it asks for. */
export interface FoundPlaceholder {
  readonly path: FieldPath;
  readonly what: string;
}

/** Every placeholder in a raw YAML value, depth first, in document order. */
export function findPlaceholders(value: unknown, path: FieldPath = []): FoundPlaceholder[] {
  if (isPlaceholder(value)) return [{ path, what: value.slice(PLACEHOLDER_MARK.length) }];
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => findPlaceholders(item, [...path, index]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, [...path, key]));
  }
  return [];
}

const LEFT = 'placeholder left to fill in: ';

/** The check's message for a placeholder left in a file. */
export const placeholderMessage = (what: string): string => `${LEFT}${what}`;

/** Whether a check message is about a placeholder left in a file. */
export const isPlaceholderMessage = (message: string): boolean => message.startsWith(LEFT);

/** Whether a body line (quote markers and indentation aside) is a placeholder. */
export const placeholderInLine = (line: string): string | undefined => {
  const text = line.replace(/^(?:\s*>)*\s*/, '');
  return text.startsWith(PLACEHOLDER_MARK) ? text.slice(PLACEHOLDER_MARK.length) : undefined;
};

/**
 * What `npm run new`'s draft asks for, one placeholder each: the scaffold writes exactly these
 * (wrapped by {@link placeholder}) and the check reports each one left as an error.
 */
export const DRAFT_ASKS = {
  summary: 'one to three sentences: the problem this pattern resolves, and how',
  primaryTension: 'the core tension the pattern resolves, "A vs. B"',
  vitalityReasoning: 'why the vitality score is what it is',
  contributor: 'your GitHub handle',
  attribution: 'the attribution line, e.g. "<title>, by <your GitHub handle>"',
  bodySummary: 'one paragraph: the pattern in plain words, for someone meeting it first',
  confidence: 'what the pattern rests on so far: experience, sources, known uses',
} as const;

/**
 * The slots of the draft template the wanted page carries ({@link fillDraft} in
 * draft-template.ts fills them when a reader follows "Write this pattern").
 */
export const DRAFT_SLOTS = {
  title: '{{title}}',
  slug: '{{slug}}',
  id: '{{id}}',
  date: '{{date}}',
} as const;
