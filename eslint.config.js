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
      '@typescript-eslint/no-non-null-assertion': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'import-x/no-cycle': 'off',
    },
  },
)
