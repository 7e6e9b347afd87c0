// @vitest-environment jsdom
/**
 * The update prompt's logic (#16; the real update, with a second version of the built site, is in
 * tests/browser/offline.test.ts): it registers the service worker once, says nothing until a new
 * version waits, then offers Reload (which lets the new version take over) and Later (which hides
 * the prompt and applies nothing), in both languages.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi, beforeAll } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

const pwa = {
  calls: [] as RegisterSWOptions[],
  update: vi.fn((_reload?: boolean) => Promise.resolve()),
};
const registerSW = (options: RegisterSWOptions) => {
  pwa.calls.push(options);
  return pwa.update;
};

import { UpdatePrompt } from '../../../src/app/pwa/UpdatePrompt';
import { useUpdates } from '../../../src/app/pwa/updateState';
import { useUiStore } from '../../../src/store/uiStore';
import { loadLanguage } from '../../../src/ui/i18n';

// The Chinese interface loads on demand, as in the app.
beforeAll(() => loadLanguage('zh'));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
beforeEach(() => {
  host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const prompt = () => host.querySelector('[data-testid="update-ready"]');
const button = (name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('the update prompt', () => {
  it('registers once, shows nothing until a version waits, then applies it only on Reload', () => {
    act(() => root.render(<UpdatePrompt registerSW={registerSW} />));
    act(() => root.render(<UpdatePrompt registerSW={registerSW} />));
    expect(pwa.calls).toHaveLength(1);
    expect(prompt()).toBeNull();

    act(() => pwa.calls[0]!.onNeedRefresh!());
    expect(prompt()?.textContent).toContain('A new version is ready');
    expect(pwa.update).not.toHaveBeenCalled();

    act(() => button('Reload').click());
    expect(pwa.update).toHaveBeenCalledWith(true);
  });

  it('hides on Later without applying anything, and speaks Chinese', () => {
    pwa.update.mockClear();
    useUpdates.setState({ waiting: true, dismissed: false });
    act(() => useUiStore.setState({ language: 'zh' }));
    act(() => root.render(<UpdatePrompt registerSW={registerSW} />));
    expect(prompt()?.textContent).toContain('新版本已就绪');
    act(() => button('稍后').click());
    expect(prompt()).toBeNull();
    expect(pwa.update).not.toHaveBeenCalled();
    act(() => useUiStore.setState({ language: 'en' }));
  });
});
