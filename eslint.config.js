import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Folders whose imports are restricted, so the arrows in the architecture keep pointing one way. */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'tests/.artifacts', 'tests/bench/.out'] },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  layer(
    ['src/model/**'],
    [
      'react',
      'react-dom',
      '@xyflow/*',
      'dexie',
      'zustand',
      '**/source/*',
      '**/persist/*',
      '**/store/*',
      '**/ui/*',
      '**/app/*',
      '**/io/*',
      '**/layout/*',
    ],
    'src/model imports nothing but itself (and zod).',
  ),
  layer(
    ['src/source/**', 'src/layout/**', 'src/io/**', 'src/cli/**'],
    [
      'react',
      'react-dom',
      '@xyflow/*',
      'dexie',
      'zustand',
      '**/persist/*',
      '**/store/*',
      '**/ui/*',
      '**/app/*',
    ],
    'This layer is pure: no React, React Flow, Dexie or store imports.',
  ),
  layer(
    ['src/store/**'],
    ['react-dom', '@xyflow/*', 'dexie', '**/ui/*', '**/app/*'],
    'The store knows neither the UI nor IndexedDB.',
  ),
  {
    ...layer(
      ['src/ui/**'],
      ['dexie', '**/persist/*', '@xyflow/*'],
      'UI talks to storage through the app layer, and only ui/canvas knows React Flow.',
    ),
    ignores: ['src/ui/canvas/**'],
  },
  layer(
    ['src/ui/canvas/**'],
    ['dexie', '**/persist/*'],
    'UI talks to storage through the app layer, never Dexie directly.',
  ),
  layer(
    ['src/collab/**'],
    [
      'react',
      'react-dom',
      '@xyflow/*',
      'dexie',
      'zustand',
      '@hocuspocus/*',
      '**/persist/*',
      '**/store/*',
      '**/ui/*',
      '**/app/*',
      '**/server/*',
    ],
    'src/collab is the shape shared by the editor and the sync server: the model and Yjs only.',
  ),
  layer(
    ['src/server/**'],
    [
      'react',
      'react-dom',
      '@xyflow/*',
      'dexie',
      'zustand',
      '**/persist/*',
      '**/store/*',
      '**/ui/*',
      '**/app/*',
    ],
    'The sync server runs in Node: the model, collab and io, never the browser layers.',
  ),
  layer(
    ['src/persist/**'],
    ['react', 'react-dom', '@xyflow/*', '**/ui/*', '**/store/*'],
    'Persistence knows the model and io, not the UI.',
  ),
);
