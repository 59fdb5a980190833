/**
 * Real-library drift: the one documented place where shapes that differ from
 * the v7.1 reference are decided. Each rule either rewrites an unambiguous
 * variant into the canonical shape (with a warning telling the author what to
 * write instead) or reports an error where the meaning cannot be recovered.
 * It runs on the raw YAML value before the strict schema.
 *
 * | Variant seen in the real library                  | Decision                               |
 * | ------------------------------------------------- | -------------------------------------- |
 * | relationship as a bare slug string                | → `{ slug }` (unweighted), warning      |
 * | relationship as `{ id, weight, description }`     | → `{ slug: id, … }`, warning            |
 * | graph-garden entity / community as a bare string  | → `{ id: slug(label), label }`, warning |
 * | inferred link with `strength` in 0–1              | → `confidence`, warning                 |
 * | inferred link with `strength` above 1 (1–5)       | link dropped, warning (see below)       |
 * | any other invalid graph-garden entry              | entry dropped, warning naming it        |
 * | `usage_stage: implementation` / `ideation`        | → `application` / `design`, warning     |
 * | `adoption_stage: emerging`                        | → `early_adopters`, warning             |
 * | `cross_domains` in Title Case or snake_case       | → kebab-case, warning                   |
 * | assessment as a list of `{dimension, score, …}`   | → pillar map, warning; unknown → error  |
 * | assessment listing mostly other dimensions        | dropped, warning: the file is incomplete |
 * | assessment without `overall_score` but pillars    | → mean of the pillars, warning          |
 * | provenance fields nested under `provenance:`      | → top level, warning; conflict → error  |
 * | `lifecycle.version` as a YAML number (`1.2`)      | accepted as text by the schema itself   |
 * | older format: a date that is not a date (`20226-…`) | dropped, warning                        |
 * | older format: one id on several older files        | warning (library.ts); v7.1 too: error   |
 *
 * `strength` above 1: in the real library it is a whole number (3 in 42 links, 5 in 2) next to a
 * reason "Shared entities: A, B, C" naming as many entities: a count of shared entities, not a
 * confidence, and those links have no `type` either. A count says nothing about how sure the
 * suggestion is, so it is not mapped onto a confidence: the link is dropped with a warning.
 * Graph-garden data is machine-written: an entry the schema refuses is dropped with a warning
 * naming it (src/lib/validate.ts), so it never costs a pattern its page.
 * `ideation` is the designing of a solution (design); `implementation` is putting it to use
 * (application). A commons assessment listing dimensions that are not the eight pillars measures
 * something else and cannot be carried over: when most of its dimensions are not pillars it is
 * dropped with a warning (the assessment is then missing: the file is incomplete, see
 * schema/incomplete.ts); fewer unknown dimensions than pillars are taken for misspellings and
 * stay errors.
 */
import GithubSlugger from 'github-slugger';
import { ASSESSMENT_PILLARS, type AssessmentPillar } from './ontology.ts';
import { OLDER_DATE, OLDER_DATE_FIELDS } from './older/provenance.ts';
import { RELATIONSHIP_TYPES } from './relationships.ts';
import type { FieldPath } from '../src/lib/positions.ts';

export interface DriftNote {
  readonly path: FieldPath;
  readonly severity: 'error' | 'warning';
  /** `machine-entry` for machine-written `graph_garden` data, else `drift` (src/lib/rules.ts). */
  readonly rule: 'drift' | 'machine-entry';
  readonly message: string;
}

type Dict = Record<string, unknown>;
type Note = (path: FieldPath, message: string, severity?: DriftNote['severity']) => void;

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PROVENANCE_FIELDS = ['contributors', 'sources', 'license', 'attribution'] as const;

/** Rewrites known drift in raw frontmatter; returns the canonical value and what it did. */
export function normaliseDrift(raw: Dict): { data: Dict; notes: DriftNote[] } {
  const notes: DriftNote[] = [];
  // Drift in the machine-written graph garden is for its generator to fix, not for authors.
  const note: Note = (path, message, severity = 'warning') => {
    notes.push({
      path,
      message,
      severity,
      rule: path[0] === 'graph_garden' ? 'machine-entry' : 'drift',
    });
  };
  const data: Dict = { ...raw };
  liftProvenance(data, note);
  if (isDict(data['relationships'])) {
    data['relationships'] = normaliseRelationships(data['relationships'], note);
  }
  if (isDict(data['graph_garden'])) {
    data['graph_garden'] = normaliseGraphGarden(data['graph_garden'], note);
  }
  const ontology = data['ontology'];
  if (isDict(ontology)) data['ontology'] = normaliseOntology(ontology, note);
  if (isDict(data['lifecycle'])) data['lifecycle'] = normaliseLifecycle(data['lifecycle'], note);
  return { data, notes };
}

/** The older format's drift: what the older files write that cannot be read is dropped. */
export function normaliseOlderDrift(raw: Dict): { data: Dict; notes: DriftNote[] } {
  const notes: DriftNote[] = [];
  const unreadable = OLDER_DATE_FIELDS.filter((field) => {
    const value = raw[field];
    return value !== undefined && !(typeof value === 'string' && OLDER_DATE.test(value));
  });
  for (const field of unreadable) {
    notes.push({
      path: [field],
      severity: 'warning',
      rule: 'drift',
      message: `${JSON.stringify(raw[field])} is not a date written YYYY-MM-DD; ignored`,
    });
  }
  const data = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !(unreadable as readonly string[]).includes(key)),
  );
  return { data, notes };
}

function liftProvenance(data: Dict, note: Note): void {
  const nested = data['provenance'];
  if (!isDict(nested)) return;
  delete data['provenance'];
  note(['provenance'], 'provenance fields belong at the top level, as in the v7.1 reference');
  for (const [key, value] of Object.entries(nested)) {
    if (!(PROVENANCE_FIELDS as readonly string[]).includes(key)) {
      note(['provenance', key], `unknown provenance field "${key}"`, 'error');
    } else if (!(key in data)) {
      data[key] = value;
    } else if (JSON.stringify(data[key]) !== JSON.stringify(value)) {
      note(['provenance', key], `"${key}" is given twice with different values`, 'error');
    }
  }
}

function normaliseRelationships(relationships: Dict, note: Note): Dict {
  const out: Dict = { ...relationships };
  for (const type of RELATIONSHIP_TYPES) {
    const list = relationships[type];
    if (!Array.isArray(list)) continue;
    out[type] = list.map((item: unknown, index) => {
      const path = ['relationships', type, index];
      if (typeof item === 'string') {
        note(path, `bare slug "${item}": write { slug: ${item}, weight: 0–1 }`);
        return { slug: item };
      }
      if (isDict(item) && 'id' in item && !('slug' in item)) {
        note(path, '"id" names the related pattern: write "slug" instead');
        const { id, ...rest } = item;
        return { slug: id, ...rest };
      }
      return item;
    });
  }
  return out;
}

function normaliseGraphGarden(garden: Dict, note: Note): Dict {
  const out: Dict = { ...garden };
  const slugger = new GithubSlugger();
  for (const key of ['entities', 'communities'] as const) {
    const list = garden[key];
    if (!Array.isArray(list)) continue;
    out[key] = list.map((item: unknown, index) => {
      if (typeof item !== 'string') return item;
      note(['graph_garden', key, index], `bare label "${item}": write { id, label, … }`);
      slugger.reset();
      return { id: slugger.slug(item), label: item };
    });
  }
  const links = garden['inferred_links'];
  if (Array.isArray(links)) {
    out['inferred_links'] = links
      .map((link: unknown, index) =>
        normaliseInferredLink(link, ['graph_garden', 'inferred_links', index], note),
      )
      .filter((link) => link !== undefined);
  }
  return out;
}

/** The link in canonical shape, or undefined when it is dropped. */
function normaliseInferredLink(link: unknown, path: FieldPath, note: Note): unknown {
  if (!isDict(link) || !('strength' in link) || 'confidence' in link) return link;
  const { strength, ...rest } = link;
  if (typeof strength === 'number' && strength >= 0 && strength <= 1) {
    note([...path, 'strength'], '"strength" is the old name of "confidence"');
    return { ...rest, confidence: strength };
  }
  note(
    path,
    `machine-written link${typeof link['target'] === 'string' ? ` to "${link['target']}"` : ''} dropped: strength ${JSON.stringify(strength)} is a count, not a 0–1 confidence`,
  );
  return undefined;
}

/** Stage names outside the list whose meaning is clear. */
const STAGE_SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  usage_stage: { implementation: 'application', ideation: 'design' },
  adoption_stage: { emerging: 'early_adopters' },
};

function normaliseLifecycle(lifecycle: Dict, note: Note): Dict {
  const out: Dict = { ...lifecycle };
  for (const [field, synonyms] of Object.entries(STAGE_SYNONYMS)) {
    const value = lifecycle[field];
    const canonical =
      typeof value === 'string' && Object.hasOwn(synonyms, value) ? synonyms[value] : undefined;
    if (canonical === undefined) continue;
    note(['lifecycle', field], `"${String(value)}" is read as "${canonical}"; write ${canonical}`);
    out[field] = canonical;
  }
  return out;
}

function normaliseOntology(ontology: Dict, note: Note): Dict {
  const out: Dict = { ...ontology };
  const cross = ontology['cross_domains'];
  if (Array.isArray(cross)) {
    out['cross_domains'] = cross.map((domain: unknown, index) => {
      if (typeof domain !== 'string') return domain;
      const kebab = domain
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      if (kebab !== domain && kebab !== '') {
        note(
          ['ontology', 'cross_domains', index],
          `"${domain}" is read as "${kebab}"; write ${kebab}`,
        );
        return kebab;
      }
      return domain;
    });
  }
  if ('commons_assessment' in ontology) {
    out['commons_assessment'] = normaliseAssessment(ontology['commons_assessment'], note);
  }
  return out;
}

function normaliseAssessment(assessment: unknown, note: Note): unknown {
  const path = ['ontology', 'commons_assessment'];
  let out = assessment;
  if (Array.isArray(assessment)) {
    const known = assessment.filter((entry) => listedPillar(entry) !== undefined).length;
    if (assessment.length - known > known) {
      note(
        path,
        `scored mostly on other dimensions than the eight pillars (${ASSESSMENT_PILLARS.join(', ')}): those scores measure something else and are not carried over, so the assessment is missing`,
      );
      return undefined;
    }
    note(path, 'a list of {dimension, score}: write one "<pillar>: score" key per pillar');
    out = assessmentFromList(assessment, path, note);
  }
  if (!isDict(out)) return out;
  const scores = ASSESSMENT_PILLARS.map((pillar) => out[pillar]).filter(
    (value): value is number => typeof value === 'number',
  );
  if (ASSESSMENT_PILLARS.every((pillar) => out[pillar] === undefined)) {
    note(path, 'no pillar scores: only the overall score can be shown');
  } else if (!('overall_score' in out) && scores.length === ASSESSMENT_PILLARS.length) {
    const mean = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    note([...path, 'overall_score'], `missing; using the mean of the pillar scores (${mean})`);
    return { ...out, overall_score: mean };
  }
  return out;
}

function assessmentFromList(list: unknown[], path: FieldPath, note: Note): Dict {
  const out: Dict = {};
  list.forEach((entry, index) => {
    const dimension = isDict(entry) ? entry['dimension'] : undefined;
    const pillar = listedPillar(entry);
    if (!isDict(entry) || pillar === undefined) {
      note(
        [...path, index, 'dimension'],
        `unknown dimension ${JSON.stringify(dimension)} (expected one of ${ASSESSMENT_PILLARS.join(', ')})`,
        'error',
      );
      return;
    }
    out[pillar] = entry['score'];
    if (pillar === 'vitality' && typeof entry['rationale'] === 'string') {
      out['vitality_reasoning'] = entry['rationale'];
    }
  });
  return out;
}

/** The pillar an entry of a listed assessment scores, when its dimension names one. */
function listedPillar(entry: unknown): AssessmentPillar | undefined {
  const dimension = isDict(entry) ? entry['dimension'] : undefined;
  return typeof dimension === 'string' ? toPillar(dimension) : undefined;
}

function toPillar(dimension: string): AssessmentPillar | undefined {
  const key = dimension
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ASSESSMENT_PILLARS.find((pillar) => pillar === key);
}
