import { describe, expect, it } from 'vitest';
import { parseBody } from '../src/lib/body.ts';
import { fenceScanner, type FenceLine } from '../src/lib/fences.ts';
import { excessiveNesting, MAX_MARKDOWN_NESTING } from '../src/lib/nesting.ts';

const scan = (lines: readonly string[]): FenceLine[] => lines.map(fenceScanner());

describe('fenced code, read line by line', () => {
  it('is not closed by a fence line with an info string ("```js" inside a fence is code)', () => {
    expect(scan(['```', '```js', 'code', '```', 'text'])).toEqual([
      'opening',
      'inside',
      'inside',
      'inside',
      undefined,
    ]);
  });

  it('closes with the same character, at least as many, indented up to three spaces', () => {
    expect(scan(['~~~~', '```', '~~~', '   ~~~~~  ', 'text'])).toEqual([
      'opening',
      'inside',
      'inside',
      'inside',
      undefined,
    ]);
    expect(scan(['```', '    ```', '```'])).toEqual(['opening', 'inside', 'inside']);
  });

  it('does not open on backticks whose info string holds a backtick, nor when indented four spaces', () => {
    expect(scan(['``` a`b', '    ```', 'text'])).toEqual([undefined, undefined, undefined]);
  });

  it('reads the same in the body parser and the nesting guard', () => {
    const deep = `${'> '.repeat(MAX_MARKDOWN_NESTING + 1)}deep`;
    const body = ['```', '```js', '### Section 1: Problem', deep, '```', '### After'].join('\n');
    expect(parseBody(body, 1).extras.map(({ heading }) => heading)).toEqual(['After']);
    expect(excessiveNesting(body)).toBeUndefined();
  });
});
