// ESLint (flat config) for the whole repository; `npm run lint` runs it with `prettier --check`.
// Formatting is Prettier's job (.prettierrc.json); the rules here are about correctness and safety.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A raw SQL string built from pieces: values belong in `$n` parameters, never in the text. Fixed
 * fragments (column lists) interpolated as UPPER_CASE constants pass; anything else needs a
 * comment that says why it is safe.
 */
const STRING_BUILT_SQL = [
  {
    selector:
      "CallExpression[callee.property.name='query'] > TemplateLiteral.arguments:first-child > :not(TemplateElement, Identifier[name=/^[A-Z][A-Z0-9_]*$/], CallExpression[callee.name=/^(ident|literal)$/])",
    message:
      'SQL built with ${…}: pass values as $n parameters, or interpolate a fixed UPPER_CASE fragment or an ident()/literal()-quoted name.',
  },
  {
    selector: "CallExpression[callee.property.name='query'] > BinaryExpression.arguments:first-child[operator='+']",
    message: 'SQL built by concatenation: pass values as $n parameters.',
  },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/', 'dist/', 'coverage/', '.data/', '.tools/', 'bench/results/', 'tests/workflows/histories/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // TypeScript: type-aware rules where they are cheap and catch real bugs (a promise nobody awaits).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Untyped rows and library escapes are being replaced by typed repositories; until then `any` is a warning.
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // Security: no code from strings, no SQL from strings.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...STRING_BUILT_SQL],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: only @temporalio/workflow, its own
    // files and types from the libs (tests/unit/workflow-imports.spec.ts checks the same).
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@sro/*'], allowTypeImports: true, message: 'Workflows may import only types from the libs.' },
            {
              group: ['@temporalio/*', '!@temporalio/workflow'],
              allowTypeImports: true,
              message: 'Workflows run in the sandbox: only @temporalio/workflow.',
            },
          ],
          paths: ['node:crypto', 'node:fs', 'crypto', 'fs'],
        },
      ],
    },
  },
  {
    // Plain Node scripts (CommonJS) that run before anything is installed or compiled.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The web app runs in the browser; hooks follow React's rules.
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Test code may hand typed fakes around (`as unknown as Pick<…>`) and require lazily.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
