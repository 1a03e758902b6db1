import { describe, expect, it } from "vitest";
import {
  describeRequest,
  voteEligibility,
  voteProgress,
  waitingOn,
} from "@/features/models/lib/approval-state";
import type { ApprovalRequest } from "@/features/models/lib/model-types";

const REQUEST: ApprovalRequest = {
  id: "r1",
  model_id: "m1",
  model_name: "iris",
  model_version_id: "v1",
  version_number: 3,
  kind: "stage_change",
  to_stage: "production",
  force: true,
  reason: "best recall",
  requested_by: "ada",
  required_approvals: 2,
  status: "pending",
  votes: [{ user_name: "bo", approve: true, comment: "ok", created: "2026-12-01T10:00:00Z" }],
  created: "2026-12-01T09:00:00Z",
  decided: null,
};

describe("describing a request", () => {
  it("says what it does and how far its votes got", () => {
    expect(describeRequest(REQUEST)).toBe("Move version 3 to production");
    expect(describeRequest({ ...REQUEST, kind: "deletion", to_stage: null })).toBe(
      "Delete version 3",
    );
    expect(voteProgress(REQUEST)).toBe("1 of 2 approvals");
  });

  it("names who it waits on, or why nobody", () => {
    expect(waitingOn(REQUEST, ["cy", "di"])).toBe("cy, di");
    expect(waitingOn(REQUEST, [])).toMatch(/^nobody/);
    expect(waitingOn(REQUEST, null)).toBe("anyone who may promote, except ada");
    expect(waitingOn({ ...REQUEST, status: "applied" }, ["cy"])).toBeNull();
  });
});

describe("voteEligibility", () => {
  it("lets a remaining approver approve or reject", () => {
    expect(voteEligibility(REQUEST, "cy", ["cy"])).toEqual({
      mayApprove: true,
      mayReject: true,
      why: null,
    });
  });

  it("lets the requester only withdraw", () => {
    const ada = voteEligibility(REQUEST, "ada", ["cy"]);
    expect(ada.mayApprove).toBe(false);
    expect(ada.mayReject).toBe(true);
    expect(ada.why).toMatch(/you may not approve it/);
  });

  it("refuses a second vote, a decided request and a user who may not promote", () => {
    expect(voteEligibility(REQUEST, "bo", ["cy"]).why).toBe("You voted on this request already.");
    expect(voteEligibility({ ...REQUEST, status: "rejected" }, "cy", ["cy"]).mayReject).toBe(false);
    expect(voteEligibility(REQUEST, "viewer", ["cy"]).why).toMatch(/model_version:promote/);
  });

  it("lets anyone vote where the server keeps no logins", () => {
    expect(voteEligibility(REQUEST, "default", null).mayApprove).toBe(true);
  });
});
