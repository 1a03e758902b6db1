import DOMPurify from "dompurify";
import { marked } from "marked";

/**
 * Markdown as HTML with nothing active left in it: no scripts, event handlers,
 * `javascript:` links, frames or forms. The frame it is shown in blocks scripts too;
 * this keeps the markup safe wherever it ends up.
 */
export function markdownHtml(text: string): string {
  const html = marked.parse(text, { async: false });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ["style", "form"] });
}
