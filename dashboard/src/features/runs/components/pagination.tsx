import { PageNav } from "@/components/ui/page-nav";
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
    <div className="row" style={{ justifyContent: "space-between" }}>
      <span className="muted">
        {formatCount(total)} {total === 1 ? "run" : "runs"}
      </span>
      <PageNav page={page} totalPages={totalPages} onPage={onPage} label="Pages of runs" />
    </div>
  );
}
