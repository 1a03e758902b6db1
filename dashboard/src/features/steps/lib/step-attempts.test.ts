import { describe, expect, it } from "vitest";
import { attemptPosition } from "@/features/steps/lib/step-attempts";

describe("attemptPosition", () => {
  it("counts a retried step's attempts from 1, oldest first", () => {
    expect(attemptPosition(["a", "b", "c"], "b")).toEqual({ number: 2, total: 3 });
    expect(attemptPosition(["a", "b", "c"], "c")).toEqual({ number: 3, total: 3 });
  });

  it("says nothing of a step that ran once, or of a step run not among the attempts", () => {
    expect(attemptPosition(["a"], "a")).toBeNull();
    expect(attemptPosition(["a", "b"], "z")).toBeNull();
  });
});
