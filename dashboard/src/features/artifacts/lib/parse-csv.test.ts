import { describe, expect, it } from "vitest";
import { cellValue, parseCsv } from "@/features/artifacts/lib/parse-csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and newlines", () => {
    const table = parseCsv('name,note\n"a, b","say ""hi"""\n"multi\nline",x\n');

    expect(table.header).toEqual(["name", "note"]);
    expect(table.rows).toEqual([
      ["a, b", 'say "hi"'],
      ["multi\nline", "x"],
    ]);
  });

  it("pads short rows and accepts CRLF line ends", () => {
    const table = parseCsv(",a,b\r\n0,1\r\n");

    expect(table.header).toEqual(["", "a", "b"]);
    expect(table.rows).toEqual([["0", "1", ""]]);
  });
});

describe("cellValue", () => {
  it("sorts numbers as numbers and leaves text alone", () => {
    expect(cellValue("10.5")).toBe(10.5);
    expect(cellValue("abc")).toBe("abc");
    expect(cellValue("")).toBe("");
  });
});
