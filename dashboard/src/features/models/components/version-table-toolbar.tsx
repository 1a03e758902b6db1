import { Link } from "@tanstack/react-router";
import {
  compareLinkSearch,
  MAX_COMPARED,
  MIN_COMPARED,
} from "@/features/models/lib/compare-search";
import type { ModelPageSearch } from "@/features/models/lib/model-page-search";
import { STAGE_STYLES, STAGES } from "@/features/models/lib/stage-styles";

export interface VersionTableToolbarProps {
  modelName: string;
  /** Numeric metadata keys a column can show, best first. */
  metrics: string[];
  columns: string[];
  /** The ticked version numbers. */
  picked: number[];
  search: ModelPageSearch;
  onSearchChange: (search: ModelPageSearch) => void;
}

interface ColumnPickerProps {
  keys: string[];
  chosen: string[];
  onChange: (next: string[]) => void;
}

function ColumnPicker({ keys, chosen, onChange }: ColumnPickerProps) {
  if (keys.length === 0) return null;
  return (
    <fieldset className="column-picker" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="muted" style={{ float: "left", marginRight: 8 }}>
        Metadata columns:
      </legend>
      {keys.slice(0, 12).map((key) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={chosen.includes(key)}
            onChange={() =>
              onChange(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key])
            }
          />
          {key}
        </label>
      ))}
    </fieldset>
  );
}

/** Above the versions table: a stage filter, metadata columns and "Compare N versions". */
export function VersionTableToolbar(props: VersionTableToolbarProps) {
  const { modelName, metrics, columns, picked, search, onSearchChange } = props;
  const isComparable = picked.length >= MIN_COMPARED && picked.length <= MAX_COMPARED;
  return (
    <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap" }}>
      <label className="row" style={{ gap: 6 }}>
        <span className="muted">Stage</span>
        <select
          className="select"
          value={search.stage ?? ""}
          onChange={(event) => {
            const stage = STAGES.find((s) => s === event.target.value);
            onSearchChange({ ...search, page: undefined, stage });
          }}
        >
          <option value="">any</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_STYLES[stage].label}
            </option>
          ))}
        </select>
      </label>
      <ColumnPicker
        keys={metrics}
        chosen={columns}
        onChange={(next) => onSearchChange({ ...search, columns: next.join(",") })}
      />
      <span className="grow" />
      <span className="muted">
        Tick {MIN_COMPARED} to {MAX_COMPARED}:
      </span>
      <Link
        to="/models/$name/compare"
        params={{ name: modelName }}
        search={compareLinkSearch(picked)}
        className="button small"
        disabled={!isComparable}
        aria-disabled={!isComparable}
      >
        Compare {picked.length >= MIN_COMPARED ? `${picked.length} versions` : "versions"}
      </Link>
    </div>
  );
}
