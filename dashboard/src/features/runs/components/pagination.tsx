import { formatCount } from "@/lib/format";

export interface PaginationProps {
  page: number;
  totalPages: number;
  total: number;
  onPage: (page: number) => void;
}

/** "Page 2 of 7 · 160 runs" with previous and next buttons. */
export function Pagination({ page, totalPages, total, onPage }: PaginationProps) {
  return (
    <nav className="row" aria-label="Pages" style={{ justifyContent: "space-between" }}>
      <span className="muted">
        {formatCount(total)} {total === 1 ? "run" : "runs"}
      </span>
      <span className="row">
        <button
          type="button"
          className="button small"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          ← Previous
        </button>
        <span className="muted">
          Page {page} of {totalPages}
        </span>
        <button
          type="button"
          className="button small"
          disabled={page >= totalPages}
          onClick={() => onPage(page + 1)}
        >
          Next →
        </button>
      </span>
    </nav>
  );
}
