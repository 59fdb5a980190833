/**
 * The Markdown of one pattern rendered to safe HTML, once: its summary, each
 * section, each extra section and the implementation guidance split by lens.
 * Plain data (strings and a Map), so it can be computed on a worker thread and sent back.
 */
import { SECTION_KEYS, type SectionKey } from '../lib/body.ts';
import { lensKnownUses, splitLensGuidance, type LensGuidance } from '../lib/lens-guidance.ts';
import { patternLink } from '../lib/body-links.ts';
import {
  firstBlock,
  renderMarkdown,
  renderMarkdownTree,
  type LinkResolver,
} from '../lib/markdown.ts';
import { SITE } from '../config/site.ts';
import { LENS_PAGE_SECTIONS } from './derive.ts';
import { contextLabelMap, declaredLensesOf } from './lenses.ts';
import { siteUrls } from './urls.ts';
import type { Lens, StoredPattern } from './types.ts';

export interface RenderedBody {
  readonly summaryHtml: string;
  /**
   * HTML of each section present, in canonical order; a section a lens page shows by its opening
   * statement ({@link LENS_PAGE_SECTIONS}) also has that statement's HTML.
   */
  readonly sections: readonly {
    readonly key: SectionKey;
    readonly html: string;
    readonly statement?: string;
  }[];
  /** HTML of each extra section, in body order. */
  readonly extras: readonly string[];
  /**
   * Each declared lens's own implementation guidance (in declared order; a lens the site does not
   * declare gets none). The general rest is the Implementation section itself.
   */
  readonly lensGuidance: ReadonlyMap<string, string>;
  /** Known Uses entries whose label names one lens, per lens key (they stay in Known Uses too). */
  readonly lensKnownUses: ReadonlyMap<string, string>;
  /** The same guidance as written (Markdown), for the JSON export. */
  readonly lensGuidanceMarkdown: LensGuidance;
}

const urls = siteUrls(SITE.base);

/** A link written to another pattern's file or slug (src/lib/body-links.ts) leads to its page. */
const patternPage: LinkResolver = (href) => {
  const target = patternLink(href);
  if (target === undefined) return undefined;
  const page = urls.pattern(target.slug);
  return target.fragment === undefined ? page : `${page}#${target.fragment}`;
};

/** Renders one Markdown part of a pattern, its links to patterns leading to their pages. */
const render = (markdown: string): string => renderMarkdown(markdown, patternPage);

/**
 * Renders every Markdown part of a pattern through {@link render}. An older-format
 * pattern's sections as written come back in `extras` (in body order; no eight sections, no
 * lens guidance).
 */
export function renderBody(
  pattern: StoredPattern,
  declared: readonly Lens[] = SITE.lenses,
): RenderedBody {
  if (pattern.format !== 'v7.1') {
    return {
      summaryHtml: render(pattern.model.summary ?? ''),
      sections: [],
      extras: pattern.body.sections.map(({ markdown }) => render(markdown)),
      lensGuidance: new Map(),
      lensKnownUses: new Map(),
      lensGuidanceMarkdown: { general: '', byLens: {} },
    };
  }
  const { frontmatter, body } = pattern;
  const lenses = declaredLensesOf(contextLabelMap(frontmatter.context_labels), declared).map(
    ({ key }) => key,
  );
  // Each section is parsed once: its tree is rendered, and read for its statement and its
  // parts by lens.
  const sections = [...body.sections]
    .sort((a, b) => SECTION_KEYS.indexOf(a.key) - SECTION_KEYS.indexOf(b.key))
    .map(({ key, markdown }) => ({ key, markdown, ...renderMarkdownTree(markdown, patternPage) }));
  const section = (key: SectionKey) => sections.find((found) => found.key === key);
  const implementation = section('implementation');
  const guidance = splitLensGuidance(implementation?.markdown ?? '', lenses, implementation?.tree);
  const knownUses = section('known-uses');
  const renderEach = (byLens: Readonly<Record<string, string>>): Map<string, string> =>
    new Map(Object.entries(byLens).map(([lens, markdown]) => [lens, render(markdown)]));
  return {
    summaryHtml: render(frontmatter.summary),
    sections: sections.map(({ key, markdown, html, tree }) => {
      const statement = LENS_PAGE_SECTIONS.includes(key) && firstBlock(markdown, tree);
      return statement ? { key, html, statement: render(statement) } : { key, html };
    }),
    extras: body.extras.map(({ markdown }) => render(markdown)),
    lensGuidance: renderEach(guidance.byLens),
    lensKnownUses: renderEach(lensKnownUses(knownUses?.markdown ?? '', lenses, knownUses?.tree)),
    lensGuidanceMarkdown: guidance,
  };
}
