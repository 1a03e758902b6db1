import { useTheme } from "@/lib/theme";

const LABELS = { system: "System theme", light: "Light theme", dark: "Dark theme" } as const;
const ICONS = { system: "◐", light: "☀", dark: "☾" } as const;

/** Cycles the theme: the system's, light, dark. */
export function ThemeToggle() {
  const { choice, cycle } = useTheme();
  return (
    <button
      type="button"
      className="button icon-button"
      onClick={cycle}
      aria-label={`${LABELS[choice]} (click to change)`}
      title={LABELS[choice]}
    >
      <span aria-hidden="true">{ICONS[choice]}</span>
    </button>
  );
}
