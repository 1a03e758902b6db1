import type { ReactNode } from "react";

export interface PageNavProps {
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  /** What the pages are of, for screen readers: "Pages of versions". */
  label: string;
  /** Shown after "Page 2 of 7", e.g. " · 160 versions". */
  suffix?: ReactNode;
  /** Lists newest first say "← Newer" and "Older →". */
  newestFirst?: boolean;
}

/** "← Previous · Page 2 of 7 · Next →": the page buttons of any paged list. */
export function PageNav({ page, totalPages, onPage, label, suffix, newestFirst }: PageNavProps) {
  return (
    <nav className="row" aria-label={label}>
      <button
        type="button"
        className="button small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {newestFirst ? "← Newer" : "← Previous"}
      </button>
      <span className="muted">
        Page {page} of {totalPages}
        {suffix}
      </span>
      <button
        type="button"
        className="button small"
        disabled={page >= totalPages}
        onClick={() => onPage(page + 1)}
      >
        {newestFirst ? "Older →" : "Next →"}
      </button>
    </nav>
  );
}
