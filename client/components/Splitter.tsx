// The draggable (and keyboard-adjustable) divider between chat and canvas; value is the chat width in %.
import { useRef } from "react";

export function Splitter({
  value,
  onChange,
  min = 22,
  max = 65,
}: {
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
}) {
  const dragging = useRef(false);
  const clamp = (next: number) => Math.round(Math.max(min, Math.min(max, next)));
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize chat and canvas"
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      tabIndex={0}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        if (!dragging.current) return;
        const parent = event.currentTarget.parentElement?.getBoundingClientRect();
        if (parent) onChange(clamp(((event.clientX - parent.left) / parent.width) * 100));
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onKeyDown={(event) => {
        if (event.key === "ArrowLeft") onChange(clamp(value - 2));
        if (event.key === "ArrowRight") onChange(clamp(value + 2));
      }}
    />
  );
}
