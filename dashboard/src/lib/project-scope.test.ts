import { describe, expect, it, vi } from "vitest";
import {
  cachedProjectLookup,
  chosenProject,
  NO_PROJECT_ID,
  scopedRequest,
} from "@/lib/project-scope";

const lookup = async (name: string) => (name === "lab" ? "id-lab" : null);

describe("project scope", () => {
  it("reads the chosen project from the page's search", () => {
    expect(chosenProject("?project=lab&status=failed")).toBe("lab");
    expect(chosenProject("?project=")).toBeNull();
    expect(chosenProject("")).toBeNull();
  });

  it("asks a list of runs for the chosen project's only", async () => {
    const request = new Request("http://h/api/v1/runs?status=failed");
    const scoped = await scopedRequest(request, "?project=lab", lookup);
    const url = new URL(scoped.url);
    expect(url.searchParams.get("project_id")).toBe("id-lab");
    expect(url.searchParams.get("status")).toBe("failed");
  });

  it("shows nothing, not everything, for a project it cannot find", async () => {
    const scoped = await scopedRequest(new Request("http://h/api/v1/models"), "?project=x", lookup);
    expect(new URL(scoped.url).searchParams.get("project_id")).toBe(NO_PROJECT_ID);
  });

  it("leaves other requests, writes and explicit projects alone", async () => {
    for (const request of [
      new Request("http://h/api/v1/runs/123"),
      new Request("http://h/api/v1/runs", { method: "POST", body: "{}" }),
      new Request("http://h/api/v1/runs?project_id=other"),
      new Request("http://h/api/v1/audit-events"),
    ]) {
      const scoped = await scopedRequest(request, "?project=lab", lookup);
      expect(scoped).toBe(request);
    }
    const unchosen = new Request("http://h/api/v1/runs");
    expect(await scopedRequest(unchosen, "", lookup)).toBe(unchosen);
  });

  it("asks the server once per project name", async () => {
    const fetchId = vi.fn(async (name: string) => `id-${name}`);
    const cached = cachedProjectLookup(fetchId);
    expect(await cached("lab")).toBe("id-lab");
    expect(await cached("lab")).toBe("id-lab");
    expect(fetchId).toHaveBeenCalledTimes(1);
  });
});
