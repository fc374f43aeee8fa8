// Inline icons: the machine's fonts may lack symbol glyphs, and icons must not depend on them.

const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
} as const;

export function CopyIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" />
      <path d="M10.5 2.5h-7a1 1 0 0 0-1 1v7" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
    </svg>
  );
}

export function GripIcon() {
  return (
    <svg {...common} aria-hidden="true" fill="currentColor" stroke="none">
      {[4, 8, 12].flatMap((y) => [
        <circle key={`a${y}`} cx="6" cy={y} r="1.2" />,
        <circle key={`b${y}`} cx="10" cy={y} r="1.2" />,
      ])}
    </svg>
  );
}

export function ArrowIcon({ up }: { up: boolean }) {
  return (
    <svg {...common} aria-hidden="true">
      <path d={up ? 'M8 13V3M4 7l4-4 4 4' : 'M8 3v10M4 9l4 4 4-4'} />
    </svg>
  );
}
