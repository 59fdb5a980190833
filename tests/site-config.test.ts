import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigFile, webUrlOfRemote } from '../src/config/config-file.ts';
import { DEFAULTS, resolveSiteConfig } from '../src/config/site.ts';

const noOrigin = (): undefined => undefined;

describe('the site configuration', () => {
  it('lays a library’s configuration file over the defaults', () => {
    const file = parseConfigFile(
      'pattern-library.config.json',
      JSON.stringify({
        title: 'Town Hall Patterns',
        colours: { accent: '#8a1c7c' },
        lenses: [{ key: 'government', name: 'Council', description: 'For the council.' }],
        repository: { branch: 'trunk' },
      }),
    );
    const site = resolveSiteConfig(DEFAULTS, file, {}, noOrigin);
    expect(site.title).toBe('Town Hall Patterns');
    expect(site.colours).toEqual({ accent: '#8a1c7c', accentDark: DEFAULTS.colours.accentDark });
    expect(site.lenses).toEqual([
      { key: 'government', name: 'Council', description: 'For the council.' },
    ]);
    expect(site.repository).toEqual({ ...DEFAULTS.repository, branch: 'trunk' });
    expect(site.footer).toBe(DEFAULTS.footer);
  });

  it('lets the environment override the file, and git’s origin stand in for an unset repository', () => {
    const file = parseConfigFile('c.json', '{"url": "https://example.org", "base": "/p/"}');
    const origin = (): string => 'https://github.com/fork/library';
    expect(resolveSiteConfig(DEFAULTS, file, {}, origin)).toMatchObject({
      url: 'https://example.org',
      base: '/p/',
      repository: { url: 'https://github.com/fork/library' },
    });
    const env = {
      SITE_URL: 'https://patterns.example',
      BASE_PATH: '/',
      REPOSITORY_URL: 'https://github.com/env/repo/',
    };
    expect(resolveSiteConfig(DEFAULTS, file, env, origin)).toMatchObject({
      url: 'https://patterns.example',
      base: '/',
      repository: { url: 'https://github.com/env/repo' },
    });
    expect(resolveSiteConfig(DEFAULTS, {}, {}, noOrigin).repository.url).toBe(
      DEFAULTS.repository.url,
    );
  });

  it('refuses an invalid file with every problem, its field path and what is expected', () => {
    const bad = JSON.stringify({
      title: '',
      colours: { accent: 'red; background: url(x)' },
      lenses: [{ key: 'Council', name: 'Council' }],
      logo: '../secret.svg',
      colour: 'typo',
    });
    expect(() => parseConfigFile('pattern-library.config.json', bad)).toThrow(ConfigError);
    expect(() => parseConfigFile('pattern-library.config.json', bad))
      .toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: pattern-library.config.json is not a valid site configuration:
        title: Too small: expected string to have >=1 characters
        logo: a file in public/, e.g. "logo.svg"
        colours.accent: a hex colour such as "#0a55a0"
        lenses.0.key: a context_labels key such as "corporate"
        lenses.0.description: Invalid input: expected string, received undefined
        (top level): Unrecognized key: "colour"]
    `);
    expect(() => parseConfigFile('c.json', '{ nope')).toThrow(
      /c\.json is not a valid site configuration:\n {2}not JSON/,
    );
  });

  it.each([
    ['git@github.com:fork/library.git', 'https://github.com/fork/library'],
    ['https://github.com/fork/library.git', 'https://github.com/fork/library'],
    ['ssh://git@github.com/fork/library.git', 'https://github.com/fork/library'],
    ['https://token@github.com/fork/library', 'https://github.com/fork/library'],
    ['/work/main', undefined],
  ])('takes git remote %j as the web address %j', (remote, web) => {
    expect(webUrlOfRemote(remote)).toBe(web);
  });
});
