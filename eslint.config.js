// Lint rules for the whole repository (run by `npm run lint` and by .ci/run before the tests).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: ['node_modules/', 'bench/out/', 'threadline-data/', 'coverage/', 'src/**/assets/vendor/', 'bench/blind/'],
  },
  js.configs.recommended,
  { files: ['src/**/public/**/*.js'], languageOptions: { globals: globals.browser } },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.node,
    },
    plugins: { 'import-x': importX },
    rules: {
      // a value the code is sure of is `must(value, 'what')` (errors/must.ts), which names what was missing
      '@typescript-eslint/no-non-null-assertion': 'error',
      // a function a reader can hold in their head (issue 14); data tables are not functions
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // cycles among modules and among folders: src/config/import-cycles.test.ts (it knows the lists)
      'import-x/no-cycle': 'off',
    },
  },
  {
    // tests: a missing value fails the test, which is what it is for; a test's steps read top to bottom
    files: ['**/*.test.ts', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'max-lines-per-function': 'off' },
  },
  {
    // migrations are a schema written out step by step, kept as they ran
    files: ['src/db/migrations/**'],
    rules: { 'max-lines-per-function': 'off' },
  },
)
