/**
 * Why the model refuses an edit reaches the user in the interface's language: the store keeps
 * the refusal as a message key and its arguments, and the UI says it in English (the model's own
 * words) or Chinese.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import {
  OPERATION_MESSAGES,
  OperationError,
  connect,
  updateNode,
  type OperationMessageKey,
} from '../../../src/model/operations';
import { showMessage, translator } from '../../../src/ui/i18n';
import { useMapStore } from '../../../src/store/mapStore';
import { sampleMap } from '../model/sampleMap';
import { MAP_LIMITS } from '../../../src/model/limits';
import { loadLanguage } from '../../../src/ui/i18n';

// The Chinese interface loads on demand, as in the app.
beforeAll(() => loadLanguage('zh'));

const en = translator('en');
const zh = translator('zh');
const keys = Object.keys(OPERATION_MESSAGES) as OperationMessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{\d\}/g)].map((m) => m[0]).sort();

describe('the model’s refusals in both languages', () => {
  it('every refusal has a Chinese text with the same blanks (the English one is the model’s)', () => {
    for (const key of keys) {
      const error = new OperationError(key, 'x1', 2, 3);
      expect(showMessage(en, [error.key, ...error.args].join('|'))).toBe(error.message);
      const chinese = showMessage(zh, [error.key, ...error.args].join('|'));
      expect(chinese, key).toMatch(/[\u3400-\u9fff]/);
      expect(chinese, key).not.toContain('{');
      // (The kind in "A claim node needs…" is English; the Chinese text does without it.)
      if (key !== 'opExplicitNeedsRef')
        expect(placeholders(zh(key)), key).toEqual(placeholders(OPERATION_MESSAGES[key]));
    }
  });

  it('a refusal in free words (no key) is kept and shown as it is', () => {
    const error = new OperationError('This argument has no scheme.');
    expect(error.key).toBeUndefined();
    expect(error.message).toBe('This argument has no scheme.');
    useMapStore.getState().open(sampleMap());
    useMapStore.getState().edit(() => {
      throw error;
    });
    expect(showMessage(zh, useMapStore.getState().error!)).toBe('This argument has no scheme.');
  });

  it('a refused edit is kept as its key, and shown in the interface’s language', () => {
    useMapStore.getState().open(sampleMap());
    const ok = useMapStore.getState().edit((m) => connect(m, 'n2', 'n2', 'supports').map);
    expect(ok).toBe(false);
    const error = useMapStore.getState().error!;
    expect(showMessage(en, error)).toBe('A node cannot support or attack itself.');
    expect(showMessage(zh, error)).toBe('节点不能支持或攻击自己。');
  });

  it('an edit over the map limits says why in the interface’s language, its data as it is', () => {
    useMapStore.getState().open(sampleMap());
    const long = 'x'.repeat(MAP_LIMITS.stringChars + 1);
    const ok = useMapStore.getState().edit((m) => updateNode(m, 'n2', { text: long }));
    expect(ok).toBe(false);
    const error = useMapStore.getState().error!;
    const index = sampleMap().nodes.findIndex((n) => n.id === 'n2');
    expect(showMessage(en, error)).toBe(
      `This edit was not made: nodes[${index}].text is 100,001 characters long; the limit for this field is 100,000 (source texts may have 2,000,000).`,
    );
    expect(showMessage(zh, error)).toBe(
      `未做此修改：nodes[${index}].text 长 100,001 个字符；此字段最多 100,000 个字符（来源文本可有 2,000,000 个）。`,
    );
  });
});
