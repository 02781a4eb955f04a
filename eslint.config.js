// One lint for the whole tree: typescript-eslint with type information, the
// rules of hooks and accessibility checks for the web app, and Prettier's
// word on layout (eslint-config-prettier switches off rules it owns).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'data/', 'coverage/', 'node_modules/', 'tests/.tmp/', 'scratch/', 'migrations/2*.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Definitions are untrusted SurveyJS JSON read as `unknown`; String() on
      // their names and values is the coercion survey-core applies itself.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The rules of hooks and their dependencies. The React Compiler's extra
    // rules are left out: the app does not use the compiler.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['web/src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    // A scrollable table or listing is a labelled region that takes the keyboard focus, so that
    // it can be scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable).
    files: ['web/src/**/*.tsx'],
    rules: { 'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }] },
  },
  {
    // Tests read response bodies, which supertest and fetch type as `any`;
    // their shapes are checked against the documented schemas instead.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Scripts and configuration in plain JavaScript carry no type information.
    files: ['**/*.{js,mjs,cjs}', '*.config.ts', 'web/vite.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
