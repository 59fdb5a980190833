/**
 * The page model: what every page of the site is built from. Computed from
 * the validated library (never from files), library-wide data once
 * ({@link LibraryModel}), per-page data on demand ({@link PatternPageModel}).
 * Components only display these values; they compute nothing.
 */
import type { LensConfig } from '../config/site.ts';
import type { FacetKey } from './facets.ts';
import type { IncompleteFrontmatter } from '../../schema/incomplete.ts';
import type { OlderFrontmatter } from '../../schema/older/pattern.ts';
import type { PatternFrontmatter } from '../../schema/pattern.ts';
import type { RelationshipType } from '../../schema/relationships.ts';
import type { ParsedBody, SectionKey } from '../lib/body.ts';
import type { OlderBody } from '../lib/older-body.ts';
import type { OlderPattern } from '../lib/older-pattern.ts';
import type { ContributorIndex, NamedContributor } from './contributors.ts';
import type { RenderedBody } from './rendered.ts';

/**
 * What the content loader keeps per pattern: validated frontmatter and body structure
 * (Markdown, no HTML). One of two formats: branch once on `format`.
 */
export type StoredPattern = StoredV71Pattern | StoredOlderPattern;

export interface StoredV71Pattern extends V71Entry {
  readonly body: V71PatternBody;
}

/** A pattern shown as written: older format or incomplete v7.1 (branch on `format` for which). */
export type StoredOlderPattern = OlderEntry & { readonly body: OlderPatternBody };

interface EntryBase {
  readonly slug: string;
  /** Repository-relative path of the source file. */
  readonly file: string;
}

export interface V71Entry extends EntryBase {
  readonly format: 'v7.1';
  readonly frontmatter: PatternFrontmatter;
}

/** A pattern shown as written: an older-format file, or an incomplete v7.1 file. */
export type OlderEntry = OlderFormatEntry | IncompleteEntry;

interface AsWrittenEntryBase extends EntryBase {
  /** What the site needs of it, in v7.1 words where the meaning is the same. */
  readonly model: OlderPattern;
}

/** An older-format pattern, shown as written. */
export interface OlderFormatEntry extends AsWrittenEntryBase {
  readonly format: 'older';
  readonly frontmatter: OlderFrontmatter;
}

/** An incomplete v7.1 pattern (schema/incomplete.ts), shown as written. */
export interface IncompleteEntry extends AsWrittenEntryBase {
  readonly format: 'incomplete';
  readonly frontmatter: IncompleteFrontmatter;
}

/** A v7.1 body's structure: summary, confidence callout, sections and extra sections. */
export type V71PatternBody = Omit<ParsedBody, 'issues' | 'links'>;

/** An older-format body: its sections as written. */
export type OlderPatternBody = Omit<OlderBody, 'issues' | 'links'>;

/** A lens the site declares (src/config/site.ts): key, display name and description. */
export type Lens = LensConfig;

/** A pattern's name under a lens the site does not declare: shown on its page, nothing more. */
export interface ContextLabel {
  readonly key: string;
  /** Display name, title-cased from the key. */
  readonly name: string;
  readonly label: string;
}

/** A link to another pattern, which may not be written yet. */
export interface PatternLink {
  readonly slug: string;
  /** Title when the target exists; undefined for a wanted pattern. */
  readonly title: string | undefined;
  readonly exists: boolean;
  readonly weight: number | undefined;
  readonly description: string | undefined;
}

export interface RelationshipGroup {
  readonly type: RelationshipType;
  /** Heading for outgoing links, e.g. "Enables". */
  readonly label: string;
  readonly links: readonly PatternLink[];
}

export interface BacklinkGroup {
  readonly type: RelationshipType;
  /** Heading for incoming links, e.g. "Enabled by". */
  readonly label: string;
  readonly links: readonly PatternLink[];
}

/** One facet (e.g. domain) with its values and counts, most frequent first then alphabetical. */
export interface Facet {
  readonly key: FacetKey;
  readonly label: string;
  readonly values: readonly {
    readonly value: string;
    readonly label: string;
    readonly count: number;
  }[];
}

/** A relationship target that has no file, and who points to it. */
export interface WantedPattern {
  readonly slug: string;
  /** Display title guessed from the slug ("peer-review" → "Peer Review"). */
  readonly title: string;
  readonly referencedBy: readonly {
    readonly slug: string;
    readonly title: string;
    readonly type: RelationshipType;
  }[];
}

/**
 * Lightweight per-pattern record used by lists, browse, lens index and search filters. An
 * older-format pattern has only the fields whose meaning is the same in both formats.
 */
export type PatternSummary = V71Summary | OlderSummary;

interface SummaryBase {
  readonly slug: string;
  readonly title: string;
  /** The summary as lists and descriptions show it: plain text, short (src/lib/summary-text.ts). */
  readonly summary: string;
  /** Context labels by lens key (keys come from the file: a Map), declared lenses first; none for an older-format pattern. */
  readonly contextLabels: ReadonlyMap<string, string>;
  /** The declared lenses it has a label for, in declared order: each one a lens page. */
  readonly lenses: readonly Lens[];
  /** Its labels under lenses the site does not declare, A–Z. */
  readonly otherLabels: readonly ContextLabel[];
  readonly domain: string;
  readonly commonsDomains: readonly string[];
  readonly status: string;
}

export interface V71Summary extends SummaryBase {
  readonly format: 'v7.1';
  readonly crossDomains: readonly string[];
  readonly usageStage: string;
  readonly adoptionStage: string;
  readonly confidence: number;
  readonly overallScore: number;
  readonly vitality: number | undefined;
}

/** A pattern shown as written (older format or incomplete v7.1). */
export interface OlderSummary extends SummaryBase {
  readonly format: 'older' | 'incomplete';
}

/** Node-link picture laid out at build time (coordinates in the SVG's user space). */
export interface GraphPicture {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly {
    readonly slug: string;
    readonly title: string;
    readonly x: number;
    readonly y: number;
    readonly exists: boolean;
    /**
     * Group used for colour: the domain in the library graph; in a neighbourhood the type of the
     * node's strongest link, and "centre" for the pattern itself.
     */
    readonly group: string;
  }[];
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly type: RelationshipType;
    readonly weight: number | undefined;
  }[];
  /** Labelled clusters, one per domain in the library graph (none in neighbourhoods). */
  readonly clusters: readonly {
    readonly group: string;
    readonly label: string;
    /** Centre and radius of the circle holding the cluster's nodes. */
    readonly x: number;
    readonly y: number;
    readonly radius: number;
  }[];
  /** Neighbours left out by the neighbourhood node cap (0 when every one is shown). */
  readonly omitted: number;
}

/** Everything computed once from the whole library. */
export interface LibraryModel {
  readonly patterns: readonly PatternSummary[];
  readonly bySlug: ReadonlyMap<string, StoredPattern>;
  /** The slug of each pattern id held by one pattern (older files link by id). */
  readonly byId: ReadonlyMap<string, string>;
  /** Incoming curated links per target slug (existing or wanted). */
  readonly backlinks: ReadonlyMap<string, readonly BacklinkGroup[]>;
  readonly facets: readonly Facet[];
  readonly wanted: readonly WantedPattern[];
  /** The declared lenses at least one pattern has a label for, in declared order (listings). */
  readonly lenses: readonly Lens[];
  readonly graph: GraphPicture;
  /** Per slug, the most similar other patterns by their text (never itself), most similar first. */
  readonly similar: ReadonlyMap<string, readonly SimilarPattern[]>;
  /** Everyone named in `contributors`, with their patterns (src/model/contributors.ts). */
  readonly contributors: ContributorIndex;
}

/** A pattern whose text resembles another's, and how much (cosine, 0–1). */
export interface SimilarPattern {
  readonly slug: string;
  readonly title: string;
  readonly score: number;
}

/** Radar chart of the eight pillar scores, drawn at build time. */
export interface RadarChart {
  readonly size: number;
  /**
   * SVG viewBox covering the size×size chart and its labels, estimated for labels drawn at
   * RADAR_LABEL_FONT_SIZE user units (labels reach outside the square at the sides).
   */
  readonly viewBox: string;
  /** Polygon points "x,y x,y …" of the scores; undefined when pillars are missing. */
  readonly polygon: string | undefined;
  /** Grid rings (scores 1–5) as polygon point strings. */
  readonly rings: readonly string[];
  readonly axes: readonly {
    readonly pillar: string;
    readonly label: string;
    readonly score: number | undefined;
    readonly x: number;
    readonly y: number;
    readonly labelX: number;
    readonly labelY: number;
    readonly anchor: 'start' | 'middle' | 'end';
  }[];
}

export interface SectionModel {
  readonly key: SectionKey;
  readonly title: string;
  /** Stable heading id, e.g. "known-uses". */
  readonly id: string;
  readonly html: string;
  /** The section's opening statement (its first quote or paragraph) as HTML, where a lens page shows it. */
  readonly statement?: string;
}

/** Everything one pattern page (and its lens pages) shows. */
export type PatternPageModel = V71PageModel | OlderPageModel;

/** What both formats show: title and summary, relationships both ways, provenance. */
interface PageBase {
  readonly aliases: readonly string[];
  readonly summaryHtml: string;
  readonly relationships: readonly RelationshipGroup[];
  readonly backlinks: readonly BacklinkGroup[];
  /** Patterns whose text is most like this one's (machine-computed, apart from curated links). */
  readonly similar: readonly SimilarPattern[];
  readonly neighbourhood: GraphPicture;
  readonly provenance: {
    /** As written, each with its contributor page. */
    readonly contributors: readonly NamedContributor[];
    readonly sources: readonly string[];
    readonly license: string;
    readonly attribution: string;
  };
}

/**
 * The page of a pattern shown as written (an older-format file or an incomplete v7.1 file): its
 * sections as written, classification, no lens pages.
 */
export interface OlderPageModel extends PageBase {
  readonly format: 'older' | 'incomplete';
  /** An incomplete file's hand-written groups still to complete (none for an older file). */
  readonly incomplete: readonly string[];
  readonly summary: OlderSummary;
  /** Sections as written, with their ids (the table of contents). */
  readonly sections: readonly {
    readonly id: string;
    readonly title: string;
    readonly html: string;
  }[];
  /** Classification fields that have no v7.1 facet, as label and values. */
  readonly classification: readonly {
    readonly label: string;
    readonly values: readonly string[];
  }[];
  readonly version: string | undefined;
  /** 0–1 as written. */
  readonly confidenceScore: number | undefined;
}

export interface V71PageModel extends PageBase {
  readonly format: 'v7.1';
  readonly summary: V71Summary;
  readonly confidence: { readonly level: number; readonly stars: string; readonly words: string };
  readonly version: string;
  readonly sections: readonly SectionModel[];
  /** Extra sections such as References, after the eight. */
  readonly extras: readonly {
    readonly id: string;
    readonly title: string;
    readonly html: string;
  }[];
  /** Implementation guidance per declared lens key (HTML), and what matched no lens. */
  readonly lensGuidance: RenderedBody['lensGuidance'];
  /** Known Uses entries labelled with one lens (HTML per lens key), shown on that lens page. */
  readonly lensKnownUses: RenderedBody['lensKnownUses'];
  readonly assessment: {
    readonly radar: RadarChart;
    readonly scores: readonly {
      readonly pillar: string;
      readonly label: string;
      readonly score: number | undefined;
    }[];
    readonly overall: number;
    readonly mean: number | undefined;
    /** True when overall differs from the mean by more than OVERALL_SCORE_TOLERANCE. */
    readonly differs: boolean;
    readonly vitalityReasoning: string | undefined;
  };
  readonly primaryTension: string;
  readonly keywords: readonly string[];
  readonly garden: {
    readonly lastPruned: string;
    readonly entities: PatternFrontmatter['graph_garden']['entities'];
    readonly communities: PatternFrontmatter['graph_garden']['communities'];
    readonly inferredLinks: readonly (PatternLink & {
      readonly type: string;
      readonly confidence: number | undefined;
      readonly reason: string;
    })[];
  };
}
