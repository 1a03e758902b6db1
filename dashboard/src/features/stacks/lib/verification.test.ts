import { describe, expect, it } from "vitest";
import type { Verification } from "@/api/types";
import {
  isVerified,
  timedVerifications,
  verificationVerdict,
} from "@/features/stacks/lib/verification";

const OK: Verification = { ok: true, location: "s3://b/p", message: "reachable" };
const REFUSED: Verification = {
  ok: false,
  location: "s3://b/q",
  failed_step: "write",
  failure: "auth",
  message: "Cannot write",
};

describe("verifications", () => {
  it("says OK with the time the answer took", async () => {
    const clock = [1000, 1420];
    const verified = await timedVerifications(
      async () => [OK],
      () => clock.shift() ?? 0,
    );

    expect(isVerified(verified)).toBe(true);
    expect(verificationVerdict(verified)).toBe("OK in 0.42 s");
  });

  it("names what failed when any location fails", async () => {
    const verified = await timedVerifications(async () => [OK, REFUSED]);

    expect(isVerified(verified)).toBe(false);
    expect(verificationVerdict(verified)).toBe("Failed: credentials refused");
  });

  it("does not call an empty answer verified", async () => {
    const verified = await timedVerifications(async () => []);

    expect(isVerified(verified)).toBe(false);
  });
});
