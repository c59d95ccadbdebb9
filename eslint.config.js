import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'storybook-static/',
      'tmp/',
      'bench-results/',
      'src/core/feed/types.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Feed text is never interpreted as HTML: use lit templates or textContent.',
        },
        {
          selector: "CallExpression[callee.name='unsafeHTML']",
          message: 'Feed text is never interpreted as HTML.',
        },
      ],
    },
  },
  {
    // chai's property assertions (`expect(x).to.exist`) read as expressions.
    files: ['tests/browser/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
