import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../src/lib/body.ts';
import { splitLensGuidance } from '../src/lib/lens-guidance.ts';
import { SEED } from './helpers/fixtures.ts';

const FOUR = ['corporate', 'government', 'activist', 'tech'] as const;

/** The lens each labelled paragraph of `markdown` lands in ("general" when none). */
function lensOf(markdown: string, lenses: readonly string[] = FOUR): string[] {
  const { byLens, general } = splitLensGuidance(markdown, lenses);
  return Object.entries(byLens)
    .map(([lens]) => lens)
    .concat(general === '' ? [] : ['general']);
}

describe('splitting Implementation guidance by lens', () => {
  it('gives each of the seed pattern’s four lenses its own paragraph, label included', () => {
    const text = readFileSync(SEED, 'utf8');
    const body = parseBody(text.slice(text.indexOf('\n---\n', 4) + 5), 1);
    const implementation = body.sections.find((section) => section.key === 'implementation');
    const guidance = splitLensGuidance(implementation?.markdown ?? '', FOUR);

    expect(guidance.general).toBe('');
    expect(Object.keys(guidance.byLens)).toEqual([...FOUR]);
    const { corporate, government, activist, tech } = guidance.byLens;
    expect(corporate).toMatch(/^\*\*In corporate contexts:\*\* Establish/);
    expect(government).toMatch(/^\*\*In government:\*\* Redesign/);
    expect(activist).toMatch(/^\*\*In activist movements:\*\* Build/);
    expect(tech).toMatch(/^\*\*In tech \(product and platform\):\*\* Implement/);
    expect(tech).not.toContain('In activist movements');
  });

  it.each([
    ['**In corporate settings:** Do this.', 'corporate'],
    ['**For corporate contexts:** Do this.', 'corporate'],
    ['**Corporate context**: Do this.', 'corporate'],
    ['**Corporate translation:** Do this.', 'corporate'],
    ['**For organizations (corporate context):** Do this.', 'corporate'],
    ['**Corporate context: End-of-Life Planning Programs.** A board does this.', 'corporate'],
    ['**5. Corporate context:** If you work for a company, do this.', 'corporate'],
    ['In corporate settings: do this.', 'corporate'],
    ['**In government and public service:** Do this.', 'government'],
    ['**For public service:** Do this.', 'government'],
    ['**In Public Service:** Do this.', 'government'],
    ['**In government**, embed apprenticeship into the career framework.', 'government'],
    ['In **government** contexts: Name it as policy innovation.', 'government'],
    ['**In activist spaces:** Do this.', 'activist'],
    ['**For movements (activist context):** Do this.', 'activist'],
    ['**For activist and movement contexts:** Do this.', 'activist'],
    ['*Activist context*: Separate campaign logistics.', 'activist'],
    ['**For tech product teams:** Do this.', 'tech'],
    ['**For product teams:** Do this.', 'tech'],
    ['**Tech callout:** Do this.', 'tech'],
    ['**For tech/product contexts:** Do this.', 'tech'],
    ['**Tech context—Mindful Eating AI Prompter:** Do this.', 'tech'],
    ['In tech communities, add maintainer sustainability.', 'tech'],
    ['#### In tech\n\nDo this.', 'tech'],
    ['**[Corporate callout]** Run this as a team experiment.', 'corporate'],
    ['**[CORPORATE TRANSLATION]** Audit your portfolio.', 'corporate'],
    ['**[Tech/Products]** Bake it into the product.', 'tech'],
    ['**Corporate / Organizational Systems Literacy:**\n\nMap the org.', 'corporate'],
    ['**Step 2 (Corporate context): Map obstacles as puzzles.** Walk it.', 'corporate'],
    [
      '**For corporate Commons (internal knowledge bases, shared tech infrastructure):**\n\nDo this.',
      'corporate',
    ],
    ['**Specific to government contexts:** Hold these sessions.', 'government'],
    [
      '**Government agencies** (managing policy delivery under deadlines):\n\nDo this.',
      'government',
    ],
  ])('reads %j as %s guidance', (markdown, lens) => {
    expect(lensOf(markdown)).toEqual([lens]);
  });

  it.each([
    ['**Across all contexts:** Do this.'],
    ['**For all contexts:** Do this.'],
    ['**For individuals:** Do this.'],
    ['**Step 1:** Map the corporate landscape.'],
    ['**Common Pitfalls:** Government agencies rush this.'],
    ['**Movement 1: Trace Your Material Dependencies**'],
    ['Map your organization’s real workflows: what do people ask?'],
    ['Use it. In corporate teams, government agencies and activist networks, people pilot it.'],
    ['Use it. Corporate, government and activist teams should all pilot it.'],
    ['Use it (for example: corporate teams pilot it).'],
    ['Teams in corporate settings often skip this: they rush.'],
    ['In most organizations, feedback is rare.'],
    ['- **Templates:** To guide a process.\n- **Software & Tools:** To automate a process.'],
    ['- **Scope:** Keep it small.\n- **Over-engineering:** Keep it simple.'],
    ['1. **Engineer the Escalation Pathways:** Design the connective tissue.'],
    ['Start. A tech lead documents it; a corporate team publishes it.'],
    ['Review it. The organization will want to re-absorb this.'],
  ])('keeps %j general', (markdown) => {
    expect(lensOf(markdown)).toEqual(['general']);
  });

  it('keeps a paragraph that mentions several lenses in one sentence general', () => {
    const markdown =
      'Start small. Teams in corporate settings, government and tech all pilot first.';

    expect(splitLensGuidance(markdown, FOUR)).toEqual({ general: markdown, byLens: {} });
  });

  it.each([
    [
      '**Create gathering spaces.** In corporate settings, establish a coffee hour.',
      'corporate',
      'In corporate settings, establish a coffee hour.',
    ],
    [
      'Start. Government context: this might mean citizen councils.',
      'government',
      'Government context: this might mean citizen councils.',
    ],
    [
      'Start. A corporate leader might audit decisions. Then act.',
      'corporate',
      'A corporate leader might audit decisions. Then act.',
    ],
    [
      'Write three. *For corporate professionals*: write one narrative.',
      'corporate',
      '*For corporate professionals*: write one narrative.',
    ],
    [
      'Map it. If you work in government, start with procurement.',
      'government',
      'If you work in government, start with procurement.',
    ],
    ['Pilot it; in tech products, ship a flag.', 'tech', 'in tech products, ship a flag.'],
    [
      'Meet. In community settings, rotate hosts.',
      'community',
      'In community settings, rotate hosts.',
    ],
    [
      'Intro.\n\n**3. In corporate training programs, measure both.** Train managers.',
      'corporate',
      '**3. In corporate training programs, measure both.** Train managers.',
    ],
    [
      'Use it. **[Government]** Include minimum specifications.',
      'government',
      '**[Government]** Include minimum specifications.',
    ],
    [
      '**Corporate professionals** filing a claim should start here. Call the clerk.',
      'corporate',
      '**Corporate professionals** filing a claim should start here. Call the clerk.',
    ],
    [
      'Scale it. A corporate team does a 90-minute outage. Keep it short.',
      'corporate',
      'A corporate team does a 90-minute outage.',
    ],
    [
      'Teams differ. Tech teams often underestimate endurance.',
      'tech',
      'Tech teams often underestimate endurance.',
    ],
    [
      'Write roles. Activists use role descriptions to scale.',
      'activist',
      'Activists use role descriptions to scale.',
    ],
    [
      'Publish it. A corporate example: publish a partner standard.',
      'corporate',
      'A corporate example: publish a partner standard.',
    ],
    [
      'Map it. The corporate professional might discover a preference.',
      'corporate',
      'The corporate professional might discover a preference.',
    ],
  ])(
    'finds the sentence in %j as %s guidance, the paragraph staying general',
    (markdown, lens, excerpt) => {
      const guidance = splitLensGuidance(markdown, [...FOUR, 'community']);

      expect(guidance).toEqual({ general: markdown, byLens: { [lens]: excerpt } });
    },
  );

  it('lets a lens sentence own the sentences after it until another lens or a neutral lead', () => {
    const markdown =
      'Start. In corporate settings, run a pilot. Keep it small. In government, run a trial. Across all contexts, measure.';

    expect(splitLensGuidance(markdown, FOUR).byLens).toEqual({
      corporate: 'In corporate settings, run a pilot. Keep it small.',
      government: 'In government, run a trial.',
    });
  });

  it('ends a lens sentence’s run at a sentence that generalises or names another lens', () => {
    const markdown =
      'Start. In tech, ship a flag. But most teams skip it. In government, run a trial. Ask the corporate board to approve it.';

    expect(splitLensGuidance(markdown, FOUR).byLens).toEqual({
      tech: 'In tech, ship a flag.',
      government: 'In government, run a trial.',
    });
  });

  it('splits lettered clauses that each open with a lens label', () => {
    const markdown =
      'Instead: (a) **Corporate context**: Use a shared sheet. (b) **Government context**: Embed it in policy.';

    expect(splitLensGuidance(markdown, FOUR).byLens).toEqual({
      corporate: '(a) **Corporate context**: Use a shared sheet.',
      government: '(b) **Government context**: Embed it in policy.',
    });
  });

  it('takes lens-led items of a list nested in a general step, as list items', () => {
    const markdown = [
      '1. **Map the flow.** For every debt, write its origin.',
      '   - **Corporate**: Install quarterly reviews.',
      '   - **Government**: Track public debt.',
      '2. **Review.** Monthly.',
    ].join('\n');

    expect(splitLensGuidance(markdown, FOUR)).toEqual({
      general: markdown,
      byLens: {
        corporate: '- **Corporate**: Install quarterly reviews.',
        government: '- **Government**: Track public debt.',
      },
    });
  });

  it('finds parenthetical asides and lens-led items of a general list, as list items', () => {
    const markdown = [
      '- **Control**: What can we do? (For corporate teams: What can we adjust? For activists: What can we say?)',
      '- *For government*: map the statutes.',
      '- Plain item.',
    ].join('\n');

    expect(splitLensGuidance(markdown, FOUR).byLens).toEqual({
      corporate: '- For corporate teams: What can we adjust?',
      activist: '- For activists: What can we say?',
      government: '- *For government*: map the statutes.',
    });
  });

  it('keeps emphasis and links whole when it cuts sentences out', () => {
    const markdown =
      'Start with **one step. Then** go. In tech, use [the *flag*](https://x.test). Done.';

    expect(splitLensGuidance(markdown, FOUR).byLens).toEqual({
      tech: 'In tech, use [the *flag*](https://x.test). Done.',
    });
  });

  it('lets a lens label own the following unlabeled blocks until the next label', () => {
    const markdown = [
      'Intro for everyone.',
      '**In corporate contexts:**',
      '- first step\n- second step',
      'More corporate detail.',
      '**Across all contexts:** Shared advice.',
      'Closing words.',
    ].join('\n\n');
    const guidance = splitLensGuidance(markdown, FOUR);

    expect(guidance.byLens).toEqual({
      corporate:
        '**In corporate contexts:**\n\n- first step\n- second step\n\nMore corporate detail.',
    });
    expect(guidance.general).toBe(
      'Intro for everyone.\n\n**Across all contexts:** Shared advice.\n\nClosing words.',
    );
  });

  it('ends a lens block at a thematic break or heading', () => {
    const markdown =
      '**In government:** Do this.\n\n---\n\nAfter the rule.\n\n#### Notes\n\nNotes.';
    const guidance = splitLensGuidance(markdown, FOUR);

    expect(guidance.byLens).toEqual({ government: '**In government:** Do this.' });
    expect(guidance.general).toBe('---\n\nAfter the rule.\n\n#### Notes\n\nNotes.');
  });

  it.each([
    '**For corporate and government contexts:** Do this.',
    '**For organizations (Corporate & Government):** Do this.',
  ])('gives the label %j, naming two lenses, to each of them', (markdown) => {
    expect(splitLensGuidance(markdown, FOUR).byLens).toEqual({
      corporate: markdown,
      government: markdown,
    });
  });

  it('splits a list whose items all lead with lens labels item by item', () => {
    const markdown = [
      '**Specific context callouts:**',
      '- **Corporate**: Codify commitments.\n- **Government**: Stay consistent.\n- **Tech (Ethics AI Builder)**: Apply it.',
    ].join('\n\n');
    const guidance = splitLensGuidance(markdown, FOUR);

    expect(guidance.byLens).toEqual({
      corporate: '- **Corporate**: Codify commitments.',
      government: '- **Government**: Stay consistent.',
      tech: '- **Tech (Ethics AI Builder)**: Apply it.',
    });
    expect(guidance.general).toBe('**Specific context callouts:**');
  });

  it('keeps a list with some unlabeled items whole under the current owner', () => {
    const markdown = '**In tech:**\n\n- **Corporate**: Not a lens list.\n- Plain item.';

    expect(splitLensGuidance(markdown, FOUR)).toEqual({ general: '', byLens: { tech: markdown } });
  });

  it('matches an extra lens such as community by its own name', () => {
    const lenses = [...FOUR, 'community'];

    expect(lensOf('**In community contexts:** Do this.', lenses)).toEqual(['community']);
    expect(lensOf('**For communities:** Do this.', lenses)).toEqual(['community']);
    expect(lensOf('**In community contexts:** Do this.')).toEqual(['general']);
  });

  it('reads an extra lens without a vocabulary entry by its key, in every phrasing', () => {
    const lenses = [...FOUR, 'academic'];

    expect(lensOf('**[Academic callout]** Cite it.', lenses)).toEqual(['academic']);
    expect(splitLensGuidance('Start. Academics often publish first.', lenses).byLens).toEqual({
      academic: 'Academics often publish first.',
    });
  });

  it('does not read “the community” as the community lens: it is the pattern’s own group', () => {
    const markdown = 'Review it. The community should review its sanctions yearly.';

    expect(splitLensGuidance(markdown, [...FOUR, 'community']).byLens).toEqual({});
  });

  it('only reports lenses the pattern declares', () => {
    expect(lensOf('**In government:** Do this.', ['corporate'])).toEqual(['general']);
  });
});
