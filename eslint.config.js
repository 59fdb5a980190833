// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'tests/fixtures/',
      'public/pagefind/',
      'coverage/',
      '.bench/',
      '.tmp/',
      '.dist.partial/',
      '.dist.previous/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // Numbers in messages (`${file}:${line}:${column}`) are fine; other non-strings still flagged.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  astro.configs.recommended,
  {
    // astro-eslint-parser cannot use the project service; it builds a program from tsconfig instead.
    files: ['**/*.astro'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: true,
      },
    },
    rules: {
      // Astro's JSX expressions have no type the parser can see, so returning one reads as `any`.
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Keep this last: turns off rules that would fight Prettier.
  prettier,
);
