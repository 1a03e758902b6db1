import { describe, expect, it } from "vitest";
import { formatOffset } from "@/features/run-timeline/lib/format-offset";

describe("formatOffset", () => {
  it("labels axis ticks in the largest sensible unit", () => {
    expect(formatOffset(0)).toBe("0");
    expect(formatOffset(500)).toBe("500 ms");
    expect(formatOffset(1500)).toBe("1.5 s");
    expect(formatOffset(150_000)).toBe("2 min 30 s");
    expect(formatOffset(5_400_000)).toBe("1 h 30 min");
  });
});
