// npm run lint: typescript-eslint's recommended rules and Prettier's layout, zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' };
/** What the two hand-written page scripts (Web Chat test page, outcomes report) use in the browser. */
const BROWSER_GLOBALS = Object.fromEntries(
  ['window', 'document', 'fetch', 'localStorage', 'location', 'navigator', 'crypto', 'console', 'WebChat', 'Chart'].map((g) => [
    g,
    'readonly',
  ]),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'lib/**', 'tmp-scratch/**', 'coverage/**', '**/*.js', '!eslint.config.js', '!bot/*/public/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: NODE_GLOBALS },
    rules: {
      // Prettier wraps code at 140; this catches the long strings and comments it cannot wrap.
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Control characters are matched on purpose: they are what the terminal-safety code removes.
      'no-control-regex': 'off',
    },
  },
  { files: ['bot/*/public/*.js'], languageOptions: { sourceType: 'script', globals: BROWSER_GLOBALS } },
);
