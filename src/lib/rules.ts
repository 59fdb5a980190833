/**
 * The kinds of problem the check reports. Every diagnostic names one: its id ends the
 * diagnostic's line (`… [wanted-pattern]`), the check's summary counts problems by it, and
 * `npm run check -- --only <id>` shows one kind at a time (README, "Checking a library").
 */
export const RULES = {
  file: 'a path that is not a readable Markdown file',
  'front-matter': 'front matter that cannot be read: a missing `---` fence or broken YAML',
  schema: 'a field that does not match the format: missing, of the wrong type or value',
  slug: 'a slug that differs from the file name, or names a page of the site',
  placeholder: 'a placeholder left by `npm run migrate` or `npm run new`, to be written',
  'unknown-field': 'a field the format does not have: ignored',
  drift: 'a hand-written shape that differs from the reference, read as it (schema/drift.ts)',
  'machine-entry':
    'a machine-written `graph_garden` entry in an older shape (read as it) or invalid (dropped)',
  'older-format': 'a file in the older format: shown as written; `npm run migrate` converts it',
  incomplete: 'a v7.1 file missing hand-written groups: shown as written',
  lens: "a context label under a lens the site does not declare: shown on the pattern's page only",
  score: 'an overall score far from the mean of the pillar scores',
  sections: 'a missing, repeated or misplaced summary, confidence callout or section',
  nesting: 'Markdown nested too deeply to be rendered',
  characters: 'a character no page, feed or search index can hold',
  'dead-link': 'a link or image in the text that leads to no page of the site',
  'wanted-pattern': 'a relationship to a pattern that has no file yet',
  duplicate: 'a slug or id used by more than one file',
  'near-duplicate': 'a pattern whose title and text are close to another one',
} as const satisfies Readonly<Record<string, string>>;

export type Rule = keyof typeof RULES;

/** The rule ids, in the order above. */
export const RULE_IDS = Object.keys(RULES) as Rule[];

export const isRule = (id: string): id is Rule => Object.hasOwn(RULES, id);
