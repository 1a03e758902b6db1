import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { compareLinkSearch } from "@/features/models/lib/compare-search";

export interface CompareWithProps {
  modelName: string;
  number: number;
  /** The highest version number of the model. */
  versionCount: number;
}

/** "Compare with…": pick another version number and open the comparison. */
export function CompareWith({ modelName, number, versionCount }: CompareWithProps) {
  const navigate = useNavigate();
  const [other, setOther] = useState(number > 1 ? number - 1 : number + 1);
  const isValid =
    Number.isInteger(other) && other >= 1 && other <= versionCount && other !== number;
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        if (!isValid) return;
        void navigate({
          to: "/models/$name/compare",
          params: { name: modelName },
          search: compareLinkSearch([number, other], number),
        });
      }}
    >
      <label className="row" style={{ gap: 6 }}>
        <span className="muted">Compare with version</span>
        <input
          className="input"
          type="number"
          min={1}
          max={versionCount}
          style={{ width: 80 }}
          value={Number.isNaN(other) ? "" : other}
          onChange={(event) => setOther(event.target.valueAsNumber)}
        />
      </label>
      <button type="submit" className="button" disabled={!isValid}>
        Compare with…
      </button>
    </form>
  );
}
