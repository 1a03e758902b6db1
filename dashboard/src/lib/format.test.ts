import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatDuration,
  formatRelativeTime,
  formatValue,
  secondsBetween,
} from "@/lib/format";

describe("formatDuration", () => {
  it("shows sub-second durations in milliseconds", () => {
    expect(formatDuration(0.25)).toBe("250 ms");
  });

  it("shows minutes with zero-padded seconds", () => {
    expect(formatDuration(245)).toBe("4 min 05 s");
  });

  it("shows hours with zero-padded minutes", () => {
    expect(formatDuration(7620)).toBe("2 h 07 min");
  });

  it("shows a dash for an unknown duration", () => {
    expect(formatDuration(null)).toBe("—");
  });
});

describe("secondsBetween", () => {
  it("measures up to now when the end is missing", () => {
    const start = "2026-01-01T00:00:00Z";

    const seconds = secondsBetween(start, null, Date.parse("2026-01-01T00:00:30Z"));

    expect(seconds).toBe(30);
  });

  it("is null without a start", () => {
    expect(secondsBetween(null, "2026-01-01T00:00:00Z")).toBeNull();
  });
});

describe("formatBytes", () => {
  it("uses binary units", () => {
    expect(formatBytes(1536)).toBe("1.50 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.00 MB");
    expect(formatBytes(12)).toBe("12 B");
  });
});

describe("formatRelativeTime", () => {
  it("says minutes ago for recent times", () => {
    const now = Date.parse("2026-01-01T01:00:00Z");

    expect(formatRelativeTime("2026-01-01T00:50:00Z", now)).toBe("10 min ago");
  });
});

describe("formatValue", () => {
  it("trims float noise and serialises objects", () => {
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });
});
