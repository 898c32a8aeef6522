import { describe, expect, it } from "vitest";
import { advance, clientKey, targetStage } from "../../src/domain/pipeline.js";

describe("pipeline", () => {
  it("maps entries to the stage the catalogue names", () => {
    expect(targetStage("lead", null)).toBe("new");
    expect(targetStage("call", "reached")).toBe("qualified");
    expect(targetStage("call", "meeting")).toBe("qualified");
    expect(targetStage("call", "noanswer")).toBeNull();
    expect(targetStage("presentation", null)).toBe("qualified");
    expect(targetStage("meeting", null)).toBe("meeting");
    expect(targetStage("proposal", null)).toBe("proposal");
    expect(targetStage("deal", null)).toBe("won");
    expect(targetStage("lost", null)).toBe("lost");
  });

  it("records skipped stages when a lead jumps ahead", () => {
    expect(advance("new", "proposal")).toEqual({ entered: ["qualified", "meeting", "proposal"], stage: "proposal" });
    expect(advance(null, "won")).toEqual({ entered: ["new", "qualified", "meeting", "proposal", "won"], stage: "won" });
    expect(advance(null, "new")).toEqual({ entered: ["new"], stage: "new" });
  });

  it("only moves forward", () => {
    expect(advance("meeting", "qualified")).toEqual({ entered: [], stage: "meeting" });
    expect(advance("proposal", "proposal")).toEqual({ entered: [], stage: "proposal" });
  });

  it("loses a lead from any open stage and never reopens a closed one", () => {
    expect(advance("meeting", "lost")).toEqual({ entered: ["lost"], stage: "lost" });
    expect(advance("won", "lost")).toEqual({ entered: [], stage: "won" });
    expect(advance("lost", "won")).toEqual({ entered: [], stage: "lost" });
  });

  it("matches clients regardless of case, spacing and quotes", () => {
    expect(clientKey("ООО  «Ромашка»")).toBe(clientKey("ооо ромашка"));
    expect(clientKey("Acme")).not.toBe(clientKey("Acme 2"));
  });
});
