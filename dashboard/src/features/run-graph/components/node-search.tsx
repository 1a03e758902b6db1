import { useEffect, useMemo, useRef, useState } from "react";
import type { GraphNode } from "@/features/run-graph/lib/build-graph";
import { STATUS_STYLES } from "@/lib/status";

export interface NodeSearchProps {
  nodes: GraphNode[];
  onPick: (node: GraphNode) => void;
  onClose: () => void;
}

const MAX_RESULTS = 50;

/** Ctrl/Cmd+K: type part of a step or artifact name, arrow keys to choose, Enter to go. */
export function NodeSearch({ nodes, onPick, onClose }: NodeSearchProps) {
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const found = needle ? nodes.filter((n) => n.data.name.toLowerCase().includes(needle)) : nodes;
    return found.slice(0, MAX_RESULTS);
  }, [nodes, text]);
  const onKey = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") onClose();
    if (event.key === "ArrowDown") setActive((a) => Math.min(a + 1, matches.length - 1));
    if (event.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
    const chosen = matches[active];
    if (event.key === "Enter" && chosen) onPick(chosen);
    if (["ArrowDown", "ArrowUp", "Enter"].includes(event.key)) event.preventDefault();
  };
  return (
    <div
      className="node-search"
      role="dialog"
      aria-label="Find a step or artifact"
      onKeyDown={onKey}
    >
      <input
        ref={input}
        className="input"
        role="combobox"
        aria-expanded="true"
        aria-controls="node-search-results"
        aria-label="Step or artifact name"
        placeholder="Find a step or artifact…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
      />
      <div id="node-search-results" role="listbox" aria-label="Matching nodes">
        {matches.map((node, index) => (
          <div
            key={node.id}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className="node-search-option"
            onMouseEnter={() => setActive(index)}
            onClick={() => onPick(node)}
            onKeyDown={() => undefined}
          >
            <span
              className={node.data.kind === "step" ? "shape circle" : "shape square"}
              style={{ borderColor: STATUS_STYLES[node.data.status].colour }}
              aria-hidden="true"
            />
            <span className="grow">{node.data.name}</span>
            <span className="faint">{node.data.kind}</span>
          </div>
        ))}
        {matches.length === 0 ? (
          <div className="muted" style={{ padding: 8 }}>
            Nothing matches “{text}”.
          </div>
        ) : null}
      </div>
    </div>
  );
}
