import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { JobsDownBanner } from "@/components/layout/jobs-down-banner";
import { setJobWorkerStatus } from "./job-worker-status";

// The admins' banner (rendered by the dashboard layout for "system:status") reads this process's
// worker state: nothing while it runs, the reason and what stops while it is down.

afterEach(() => setJobWorkerStatus({ state: "starting", since: new Date().toISOString() }));

describe("JobsDownBanner", () => {
  it("says nothing while the job worker runs", () => {
    setJobWorkerStatus({ state: "running", since: "2026-12-06T06:00:00.000Z" });
    expect(renderToStaticMarkup(createElement(JobsDownBanner))).toBe("");
  });

  it("names the reason and what will not happen while it is down, as an alert", () => {
    setJobWorkerStatus({ state: "down", since: "2026-12-06T06:00:00.000Z", reason: "permission denied for database moddesk" });
    const html = renderToStaticMarkup(createElement(JobsDownBanner));
    expect(html).toContain('role="alert"');
    expect(html).toContain("Background jobs are not running: permission denied for database moddesk. Rule re-runs, insights rollups, suggestion retraining");
    expect(html).toContain("Down since 2026-12-06T06:00:00.000Z");
  });

  it("renders a hostile reason as text", () => {
    setJobWorkerStatus({ state: "down", since: "2026-12-06T06:00:00.000Z", reason: "<img src=x onerror=alert(1)>" });
    expect(renderToStaticMarkup(createElement(JobsDownBanner))).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
