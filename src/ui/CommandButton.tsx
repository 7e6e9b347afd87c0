/** A button running a registered command: its label, tooltip (with the key) and availability. */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { commandById, runCommand, tooltip, useCommandEnabled } from './commands';
import { useT } from './i18n';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'children'> {
  command: string;
  /** What the button shows before its label (an icon), or instead of it with `iconOnly`. */
  icon?: ReactNode;
  iconOnly?: boolean;
  /** On a narrow toolbar only the icon shows (the label stays the accessible name and tooltip). */
  compact?: boolean;
  /** Shown instead of the label (e.g. "Laying out…" while busy). */
  text?: string;
  disabled?: boolean;
}

export function CommandButton({
  command: id,
  icon,
  iconOnly,
  compact,
  text,
  disabled,
  ...rest
}: Props) {
  const t = useT();
  const command = commandById(id);
  const enabled = useCommandEnabled(command);
  const label = t(command.labelKey);
  return (
    <button
      type="button"
      data-command={id}
      title={tooltip(command, label)}
      aria-label={iconOnly || compact ? (text ?? label) : undefined}
      aria-keyshortcuts={command.keys[0] ? ariaKeys(command.keys[0]) : undefined}
      disabled={disabled || !enabled}
      onClick={() => runCommand(command)}
      {...rest}
    >
      {icon && <span aria-hidden>{icon}</span>}
      {iconOnly ? null : (
        <span className={compact ? 'cmd-label compactable' : 'cmd-label'}>
          {icon ? ' ' : null}
          {text ?? label}
        </span>
      )}
    </button>
  );
}

function ariaKeys(binding: { key: string; mod?: boolean; shift?: boolean }): string {
  return [binding.mod ? 'Control' : '', binding.shift ? 'Shift' : '', binding.key.toUpperCase()]
    .filter(Boolean)
    .join('+');
}
