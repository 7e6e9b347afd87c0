import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // ELK's layout worker is a classic script.
  worker: { format: 'iife' },
  build: { target: 'es2022', sourcemap: true },
});
