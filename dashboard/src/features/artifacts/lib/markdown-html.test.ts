// @vitest-environment jsdom
// DOMPurify sanitizes with the browser's own parser, so these tests need a DOM.
import { describe, expect, it } from "vitest";
import { markdownHtml } from "@/features/artifacts/lib/markdown-html";

describe("markdownHtml", () => {
  it("strips a script element from the markdown's HTML", () => {
    const html = markdownHtml("# Report\n\n<script>alert('xss')</script>\n\nScores are up.");

    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert('xss')");
    expect(html).toContain("<h1>Report</h1>");
    expect(html).toContain("Scores are up.");
  });

  it("strips event handlers and keeps the element", () => {
    const html = markdownHtml('An image: <img src="x" onerror="alert(1)" alt="chart">');

    expect(html).not.toMatch(/onerror/i);
    expect(html).toContain('alt="chart"');
  });

  it("strips javascript: links from markdown links", () => {
    const html = markdownHtml(
      '[click](javascript:alert(1)) and <a href="javascript:alert(2)">me</a>',
    );

    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain(">click</a>");
  });

  it("strips frames, forms and svg handlers", () => {
    const html = markdownHtml(
      '<iframe src="https://example.org"></iframe><form action="/x"><input></form>' +
        '<svg><a><animate attributeName="href" values="javascript:alert(3)"/></a></svg>' +
        '<svg onload="alert(4)"></svg>',
    );

    expect(html).not.toMatch(/<iframe|<form|onload|javascript:/i);
  });

  it("keeps ordinary markdown: tables, code and emphasis", () => {
    const html = markdownHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n`code` and *emphasis*");

    expect(html).toContain("<table>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<em>emphasis</em>");
  });
});
