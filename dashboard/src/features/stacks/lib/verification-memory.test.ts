import { describe, expect, it } from "vitest";
import type { TimedVerifications } from "@/features/stacks/lib/verification";
import {
  recalledVerification,
  rememberVerification,
} from "@/features/stacks/lib/verification-memory";

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const VERIFIED: TimedVerifications = {
  results: [{ ok: true, location: "s3://b/p", message: "reachable" }],
  seconds: 0.3,
  verifiedAt: "2026-12-07T14:00:00Z",
};

describe("verification memory", () => {
  it("recalls what was remembered for the same connector only", () => {
    const storage = memoryStorage();

    rememberVerification("team-s3", VERIFIED, storage);

    expect(recalledVerification("team-s3", storage)).toEqual(VERIFIED);
    expect(recalledVerification("other", storage)).toBeNull();
  });

  it("forgets what is not a verification", () => {
    const storage = memoryStorage();
    storage.setItem("headwater.verification.team-s3", '{"ok": true}');

    expect(recalledVerification("team-s3", storage)).toBeNull();
  });
});
