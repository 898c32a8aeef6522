// README's "Who sees what" table is the trust policy's own answer for each sensitivity
// and audience: this test renders it from the policy and the metric list and expects
// the README to hold exactly that, so the two cannot drift apart.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { whoSeesWhatTable } from "../support/who-sees-what.js";

describe("README: who sees what", () => {
  it("holds the table the trust policy gives", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(whoSeesWhatTable());
  });
});
