/** A draggable (and keyboard-adjustable) divider between two panes. */
import { useRef } from 'react';

export function Splitter({
  label,
  value,
  onChange,
  direction,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  /** +1: dragging right grows the pane (left pane); -1: dragging right shrinks it (right pane). */
  direction: 1 | -1;
}) {
  const start = useRef<{ x: number; value: number } | null>(null);
  const clamp = (v: number) => Math.max(200, Math.min(900, Math.round(v)));
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={200}
      aria-valuemax={900}
      tabIndex={0}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current)
          onChange(clamp(start.current.value + direction * (e.clientX - start.current.x)));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onChange(clamp(value - 20 * direction));
        else if (e.key === 'ArrowRight') onChange(clamp(value + 20 * direction));
      }}
    />
  );
}
