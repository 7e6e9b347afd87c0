/** The list of keyboard shortcuts, opened with "?": read from the command registry. */
import { useUiStore } from '../store/uiStore';
import { useT, type MessageKey } from './i18n';
import { COMMANDS, keyLabel } from './commands';
import { Modal } from './Modal';

/** Keys that are not commands of their own: Esc, and the outline tree's keys. */
const OTHER_KEYS: { keys: string; hintKey: MessageKey }[] = [
  { keys: 'Esc', hintKey: 'escapeHint' },
  { keys: '↑ ↓ ← → Home End', hintKey: 'outlineKeysMove' },
  { keys: 'Enter, Esc', hintKey: 'outlineKeysEdit' },
  { keys: 'Tab, Shift+Tab', hintKey: 'outlineKeysIndent' },
  { keys: 'Alt+↑ ↓', hintKey: 'outlineKeysReorder' },
];

export function ShortcutsDialog() {
  const t = useT();
  const set = useUiStore((s) => s.set);
  const rows = [
    ...COMMANDS.filter((c) => c.keys.length).map((c) => ({
      id: c.id,
      keys: c.keys.map((k) => keyLabel(k)).join(', '),
      text: t(c.hintKey ?? c.labelKey),
    })),
    ...OTHER_KEYS.map((o) => ({ id: o.hintKey, keys: o.keys, text: t(o.hintKey) })),
  ];
  return (
    <Modal
      title={t('shortcuts')}
      onClose={() => set({ shortcutsOpen: false })}
      className="modal small"
      closeOnBackdrop
      focusClose
    >
      <p className="muted">{t('shortcutsCanvasNote')}</p>
      <table className="shortcuts">
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-command={row.id}>
              <th>
                <kbd>{row.keys}</kbd>
              </th>
              <td>{row.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
