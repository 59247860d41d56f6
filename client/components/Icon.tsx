// Small inline SVG icons: emoji and rare symbols are missing from many system fonts (and from headless
// Chromium), so the controls people rely on draw their own glyphs.
const PATHS = {
  thumbUp:
    "M7 22V11m0 0 4-8a2 2 0 0 1 3 1.7V9h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7m0-10H4a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1h3",
  thumbDown:
    "M17 2v11m0 0-4 8a2 2 0 0 1-3-1.7V15H4.5a2 2 0 0 1-2-2.3l1.4-8A2 2 0 0 1 5.9 3H17m0 10h3a1 1 0 0 0 1-1V3a1 1 0 0 0-1-1h-3",
  link: "M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1m2 5a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1",
  plus: "M12 5v14M5 12h14",
  close: "M6 6l12 12M18 6 6 18",
  sparkle: "M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z",
  comment: "M21 12a8 8 0 0 1-11.6 7.1L3 21l1.9-6.4A8 8 0 1 1 21 12z",
  pencil: "M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4zm9.5-13.5 4 4",
  back: "M15 18l-6-6 6-6",
  stop: "M7 7h10v10H7z",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className="icon"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
