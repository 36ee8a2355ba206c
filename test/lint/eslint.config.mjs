// `npm run lint`: ESLint's and typescript-eslint's recommended rules, React's rules of hooks, and the layer
// boundaries of issue #9 (layers.mjs). The boundaries use eslint-plugin-boundaries because it states layers
// as element types and rules between them, with one readable message per broken rule, inside the same ESLint
// run and Node API that test/unit/lint uses; import-x/no-restricted-paths would need a zone per pair of
// capabilities to allow only each one's index.ts, and dependency-cruiser is a second tool with its own report.
// The type-checked presets are left out on purpose, to keep lint fast.
//
// typescript-eslint parses with TypeScript's JS API, which TypeScript 7 (the project's tsc) does not have:
// test/lint/package.json gives it TypeScript 5.9 in test/lint/node_modules, so `tsc` stays 7.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { dependenciesRule, elements } from './layers.mjs';

const code = ['**/*.{ts,tsx,mts,js,mjs,cjs}'];

/** The whole configuration for a checkout at `root` (ESLint's cwd); test/unit/lint builds one for a made-up tree. */
export function switchboardLintConfig(root) {
  return defineConfig(
    { ignores: ['dist/', 'release/', 'test/.artifacts/', '**/node_modules/'] },
    {
      files: code,
      extends: [js.configs.recommended, tseslint.configs.recommended],
      languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        // `_name` marks a parameter that is there for its position, or a property left out of a spread.
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
        // A `let` read in a closure before its one assignment (a server's late-bound guard) cannot be const.
        'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
        // Log lines carry ANSI escapes; the regular expressions that strip or split them match \x1b on purpose.
        'no-control-regex': 'off',
      },
    },
    // Plain JavaScript files run in Node (build and test scripts); TypeScript files get their globals from tsc.
    { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
    {
      files: ['renderer/**/*.{ts,tsx}'],
      plugins: { 'react-hooks': reactHooks },
      rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
    },
    {
      files: code,
      plugins: { boundaries },
      settings: {
        'boundaries/root-path': root,
        'boundaries/elements': elements,
        'boundaries/legacy-templates': false,
        'import/resolver': { typescript: { project: join(root, 'tsconfig.json') } },
      },
      rules: { 'boundaries/dependencies': dependenciesRule },
    },
  );
}

export default switchboardLintConfig(fileURLToPath(new URL('../..', import.meta.url)));
