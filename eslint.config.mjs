// Type-aware lint over the service, its tests, benchmarks, scripts and tools (after immich's server config):
// the recommended rules, plus the type-aware ones that catch lost promises and unhandled union members.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
      'test/artifacts/**',
      '**/*.mjs',
      '**/*.js',
      // The pages' browser scripts are linted, in their own block below.
      '!src/ui/assets/*.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Prettier owns line breaks; it may break before a computed member access.
      'no-unexpected-multiline': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Browser scripts (classic scripts, no modules), type-checked as JavaScript by src/ui/assets/tsconfig.json with
    // lib dom and no Node types: that check, not no-undef, is what catches a name the browser does not have.
    files: ['src/ui/assets/*.js'],
    languageOptions: { sourceType: 'script' },
    rules: { strict: ['error', 'function'], 'no-undef': 'off', 'no-var': 'error', 'prefer-const': 'error' },
  },
);
