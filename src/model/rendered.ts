/**
 * The Markdown of one pattern rendered to safe HTML, once: its summary, each
 * section, each extra section and the implementation guidance split by lens.
 * Plain strings, so it can be computed on a worker thread and sent back.
 */
import { SECTION_KEYS, type SectionKey } from '../lib/body.ts';
import { splitLensGuidance, type LensGuidance } from '../lib/lens-guidance.ts';
import { renderMarkdown, renderMarkdownTree } from '../lib/markdown.ts';
import { lensesOf } from './labels.ts';
import type { StoredPattern } from './types.ts';

export interface RenderedBody {
  readonly summaryHtml: string;
  /** HTML of each section present, in canonical order. */
  readonly sections: readonly { readonly key: SectionKey; readonly html: string }[];
  /** HTML of each extra section, in body order. */
  readonly extras: readonly string[];
  /** Implementation guidance that names no lens, and each lens's own (keys in lens order). */
  readonly lensGuidance: {
    readonly general: string;
    readonly byLens: Readonly<Record<string, string>>;
  };
  /** The same guidance as written (Markdown), for the JSON export. */
  readonly lensGuidanceMarkdown: LensGuidance;
}

/** Renders every Markdown part of a pattern through {@link renderMarkdown}. */
export function renderBody({
  frontmatter,
  body,
}: Pick<StoredPattern, 'frontmatter' | 'body'>): RenderedBody {
  // Implementation is parsed once: its tree is rendered and also split by lens.
  const implementation = body.sections.find(({ key }) => key === 'implementation')?.markdown;
  const whole = renderMarkdownTree(implementation ?? '');
  const guidance = splitLensGuidance(
    implementation ?? '',
    lensesOf(frontmatter.context_labels).map(({ key }) => key),
    whole.tree,
  );
  return {
    summaryHtml: renderMarkdown(frontmatter.summary),
    sections: [...body.sections]
      .sort((a, b) => SECTION_KEYS.indexOf(a.key) - SECTION_KEYS.indexOf(b.key))
      .map(({ key, markdown }) => ({
        key,
        html: key === 'implementation' ? whole.html : renderMarkdown(markdown),
      })),
    extras: body.extras.map(({ markdown }) => renderMarkdown(markdown)),
    lensGuidance: {
      general: renderMarkdown(guidance.general),
      byLens: Object.fromEntries(
        Object.entries(guidance.byLens).map(([lens, markdown]) => [lens, renderMarkdown(markdown)]),
      ),
    },
    lensGuidanceMarkdown: guidance,
  };
}
