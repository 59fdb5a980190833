/**
 * A library's own configuration: what a fork changes to make the site its own — name, tagline,
 * home introduction, footer, logo, favicon, accent colours, repository, lenses, and the covenant
 * and licence wording of CONTRIBUTING — read from `pattern-library.config.json` at the
 * repository root (or the file `SITE_CONFIG` names), validated with Zod, laid over the defaults
 * in src/config/site.ts; then the environment overrides (`SITE_URL`, `BASE_PATH`,
 * `REPOSITORY_URL`) and, when no repository is set anywhere, `git remote get-url origin`.
 * Pure apart from {@link readConfigFile} and {@link gitOrigin}.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const hexColour = z
  .string()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'a hex colour such as "#0a55a0"')
  .describe('A colour as #rgb or #rrggbb.');
/** A file in public/, named relative to it: letters, digits, `-`, `_`, `.` and `/`. */
const publicFile = z
  .string()
  .regex(/^(?!.*\.\.)[\w-][\w./-]*$/, 'a file in public/, e.g. "logo.svg"')
  .describe('A file in public/, named relative to it.');

/** One lens: its key in `context_labels`, its display name and what it is for. */
export const lensSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a context_labels key such as "corporate"'),
  name: z.string().min(1),
  description: z.string().min(1),
});

/** Everything a library may set; every field optional (defaults from src/config/site.ts). */
export const configFileSchema = z.strictObject({
  title: z.string().min(1).max(80).optional().describe('Site name.'),
  tagline: z.string().min(1).max(200).optional().describe('One line under the home heading.'),
  description: z.string().min(1).optional().describe('Description of the whole site.'),
  heading: z.string().min(1).optional().describe('The home page heading.'),
  introduction: z
    .array(z.string().min(1))
    .optional()
    .describe('The home page introduction, one string per paragraph (plain text).'),
  footer: z.string().min(1).optional().describe('The footer text (plain text).'),
  logo: publicFile.optional().describe('Logo shown before the site name, a file in public/.'),
  favicon: publicFile.optional().describe('Favicon (SVG), a file in public/.'),
  colours: z
    .strictObject({ accent: hexColour, accentDark: hexColour })
    .partial()
    .optional()
    .describe('Accent colour in the light and dark themes.'),
  url: z.url().optional().describe('Canonical origin of the deployed site.'),
  base: z
    .string()
    .regex(/^\/(?:[\w-]+\/)*$/, 'a path starting and ending with "/", e.g. "/patterns/"')
    .optional(),
  repository: z
    .strictObject({
      url: z.url(),
      branch: z.string().min(1),
      patternsPath: z.string().min(1),
    })
    .partial()
    .optional(),
  publishMarkdown: z
    .boolean()
    .optional()
    .describe(
      'Also publish each pattern file at /patterns/<slug>.md (default false: Markdown links point to the repository).',
    ),
  lenses: z.array(lensSchema).min(1).optional().describe('Lenses in display order.'),
  contributing: z
    .strictObject({ covenant: z.string().min(1), licence: z.string().min(1) })
    .partial()
    .optional()
    .describe('Covenant and licence wording of CONTRIBUTING.md.'),
});

export type ConfigFile = z.infer<typeof configFileSchema>;

/** A configuration that does not validate: every problem with its file and field path. */
export class ConfigError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(
      `${file} is not a valid site configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses and validates a configuration file's text (JSON). */
export function parseConfigFile(file: string, text: string): ConfigFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`not JSON: ${error instanceof Error ? error.message : ''}`]);
  }
  const result = configFileSchema.safeParse(data);
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.') || '(top level)';
      return `${path}: ${issue.message}`;
    }),
  );
}

/** The configuration file, when there is one: `$SITE_CONFIG`, else the default name. */
export function readConfigFile(chosen = process.env['SITE_CONFIG']): ConfigFile {
  const named = chosen !== undefined && chosen !== '';
  const name = named ? chosen : 'pattern-library.config.json';
  if (!existsSync(name)) {
    if (named) throw new ConfigError(name, ['no such file (SITE_CONFIG)']);
    return {};
  }
  return parseConfigFile(name, readFileSync(name, 'utf8'));
}

/** A git remote URL as a web address: `git@github.com:o/r.git` → `https://github.com/o/r`. */
export function webUrlOfRemote(remote: string): string | undefined {
  const trimmed = remote.trim();
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?\/?$/.exec(trimmed);
  if (scp) return `https://${scp[1] ?? ''}/${scp[2] ?? ''}`;
  const web = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([\w.-]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(
    trimmed,
  );
  return web ? `https://${web[1] ?? ''}/${web[2] ?? ''}` : undefined;
}

/** The web address of `origin`, when this is a git checkout with one. */
export function gitOrigin(): string | undefined {
  try {
    const remote = execFileSync('git', ['remote', 'get-url', 'origin'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return webUrlOfRemote(remote);
  } catch {
    return undefined;
  }
}
