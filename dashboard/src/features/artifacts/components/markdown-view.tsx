import { useMemo } from "react";
import { markdownHtml } from "@/features/artifacts/lib/markdown-html";

export interface MarkdownViewProps {
  text: string;
  title: string;
}

/** Colours for the frame, read from the page's theme tokens. */
function themeCss(): string {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string) => style.getPropertyValue(name).trim();
  return `body{font:14px/1.5 system-ui,sans-serif;color:${token("--text")};background:${token("--surface")};margin:12px}
a{color:${token("--accent")}}code,pre{background:${token("--code-bg")};font-size:12.5px}pre{padding:8px;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid ${token("--border")};padding:4px 8px}img{max-width:100%}`;
}

/** Markdown, sanitized, inside a sandboxed frame with no scripts and no same-origin access. */
export function MarkdownView({ text, title }: MarkdownViewProps) {
  const html = useMemo(() => markdownHtml(text), [text]);
  return (
    <iframe
      className="viz-frame"
      title={title}
      sandbox=""
      srcDoc={`<!doctype html><meta charset="utf-8"><style>${themeCss()}</style>${html}`}
    />
  );
}
