/**
 * A new pattern's draft as one template with placeholders, filled in per
 * pattern: the wanted page carries the template once and its script fills it
 * when a reader follows "Write this pattern" (a fresh id, today's date), so
 * the page stays small and every build of it is the same. No imports beyond
 * the id, so the browser can use it.
 */
import { newPatternId, SYSTEM_ENTROPY, type Entropy } from './pattern-id.ts';
import { DRAFT_SLOTS } from './placeholders.ts';

/** What a draft is made from. */
export interface DraftInput {
  readonly title: string;
  readonly slug: string;
  readonly id: string;
  /** The day the draft is made, YYYY-MM-DD. */
  readonly date: string;
}

/** The slots a template holds, one per input. */
export const DRAFT_PLACEHOLDERS: DraftInput = DRAFT_SLOTS;

/**
 * `template` (a draft made from {@link DRAFT_PLACEHOLDERS}) with the values
 * filled in. The title only ever appears inside double-quoted YAML strings,
 * so it is escaped as JSON string content.
 */
export function fillDraft(template: string, input: DraftInput): string {
  return template
    .replaceAll(DRAFT_PLACEHOLDERS.title, JSON.stringify(input.title).slice(1, -1))
    .replaceAll(DRAFT_PLACEHOLDERS.slug, input.slug)
    .replaceAll(DRAFT_PLACEHOLDERS.id, input.id)
    .replaceAll(DRAFT_PLACEHOLDERS.date, input.date);
}

/** Inputs for a draft made now: a fresh id and today's date. */
export function freshDraftInput(
  title: string,
  slug: string,
  entropy: Entropy = SYSTEM_ENTROPY,
): DraftInput {
  return {
    title,
    slug,
    id: newPatternId(entropy),
    date: new Date(entropy.now()).toISOString().slice(0, 10),
  };
}
