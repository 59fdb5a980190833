/**
 * The Markdown of one pattern rendered to safe HTML, once: its summary, each
 * section, each extra section and the implementation guidance split by lens.
 * Plain data (strings and a Map), so it can be computed on a worker thread and sent back.
 */
import { SECTION_KEYS, type SectionKey } from '../lib/body.ts';
import { lensKnownUses, splitLensGuidance, type LensGuidance } from '../lib/lens-guidance.ts';
import { firstBlock, renderMarkdown, renderMarkdownTree } from '../lib/markdown.ts';
import { SITE } from '../config/site.ts';
import { LENS_PAGE_SECTIONS } from './derive.ts';
import { contextLabelMap, declaredLensesOf } from './lenses.ts';
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
   * Implementation guidance that names no declared lens, and each declared lens's own (in
   * declared order; a lens the site does not declare gets no guidance of its own).
   */
  readonly lensGuidance: {
    readonly general: string;
    readonly byLens: ReadonlyMap<string, string>;
  };
  /** Known Uses entries whose label names one lens, per lens key (they stay in Known Uses too). */
  readonly lensKnownUses: ReadonlyMap<string, string>;
  /** The same guidance as written (Markdown), for the JSON export. */
  readonly lensGuidanceMarkdown: LensGuidance;
}

/**
 * Renders every Markdown part of a pattern through {@link renderMarkdown}. An older-format
 * pattern's sections as written come back in `extras` (in body order; no eight sections, no
 * lens guidance).
 */
export function renderBody(
  pattern: StoredPattern,
  declared: readonly Lens[] = SITE.lenses,
): RenderedBody {
  if (pattern.format !== 'v7.1') {
    return {
      summaryHtml: renderMarkdown(pattern.model.summary ?? ''),
      sections: [],
      extras: pattern.body.sections.map(({ markdown }) => renderMarkdown(markdown)),
      lensGuidance: { general: '', byLens: new Map() },
      lensKnownUses: new Map(),
      lensGuidanceMarkdown: { general: '', byLens: {} },
    };
  }
  const { frontmatter, body } = pattern;
  // Implementation is parsed once: its tree is rendered and also split by lens.
  const implementation = body.sections.find(({ key }) => key === 'implementation')?.markdown;
  const whole = renderMarkdownTree(implementation ?? '');
  const lenses = declaredLensesOf(contextLabelMap(frontmatter.context_labels), declared).map(
    ({ key }) => key,
  );
  const guidance = splitLensGuidance(implementation ?? '', lenses, whole.tree);
  const knownUses = body.sections.find(({ key }) => key === 'known-uses')?.markdown ?? '';
  return {
    summaryHtml: renderMarkdown(frontmatter.summary),
    sections: [...body.sections]
      .sort((a, b) => SECTION_KEYS.indexOf(a.key) - SECTION_KEYS.indexOf(b.key))
      .map(({ key, markdown }) => {
        if (key === 'implementation') return { key, html: whole.html };
        const rendered = renderMarkdownTree(markdown);
        const statement = LENS_PAGE_SECTIONS.includes(key) && firstBlock(markdown, rendered.tree);
        return statement
          ? { key, html: rendered.html, statement: renderMarkdown(statement) }
          : { key, html: rendered.html };
      }),
    extras: body.extras.map(({ markdown }) => renderMarkdown(markdown)),
    lensGuidance: {
      general: renderMarkdown(guidance.general),
      byLens: new Map(
        Object.entries(guidance.byLens).map(([lens, markdown]) => [lens, renderMarkdown(markdown)]),
      ),
    },
    lensKnownUses: new Map(
      Object.entries(lensKnownUses(knownUses, lenses)).map(([lens, markdown]) => [
        lens,
        renderMarkdown(markdown),
      ]),
    ),
    lensGuidanceMarkdown: guidance,
  };
}
