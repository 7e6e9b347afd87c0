/**
 * The update prompt joined to vite-plugin-pwa's registration (its virtual module exists only in
 * the Vite build): the chunk src/app/pwa/updates.tsx loads once the editor is idle.
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { UpdatePrompt } from './UpdatePrompt';

export default function RegisteredUpdatePrompt() {
  return <UpdatePrompt registerSW={registerSW} />;
}
