// Lint: typescript-eslint's recommended rules, plus the fence that keeps the engine pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'media/dist/', 'out/', 'node_modules/', 'bench/.cache/', '.vscode-test/', 'test/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', 'bin/*.js', 'scripts/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'require', '__dirname', 'performance', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'Buffer', 'TextDecoder', 'URL'].map((name) => [name, 'readonly']),
      ),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Webview scripts run in the webview's browser, with VS Code's acquireVsCodeApi.
    files: ['media/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'Element', 'HTMLElement', 'SVGElement', 'EventTarget', 'requestAnimationFrame', 'acquireVsCodeApi', 'console'].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // The UI tests (scripts/vscode/ui.mjs runs them with mocha's bdd interface); the functions
    // they give to playwright's evaluate() run in the workbench's or a webview's page.
    files: ['test/ui/**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach', 'document', 'getComputedStyle'].map((name) => [name, 'readonly'])),
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode', 'vscode-*'], message: 'The engine knows nothing of VS Code or LSP: put this in server/src/lsp or client/.' },
            { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'child_process', 'node:child_process'], message: 'The engine is pure: read files through DocumentHost.' },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
