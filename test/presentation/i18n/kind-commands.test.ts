import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../src/domain/locales.js";
import { ACTIVITY_KINDS } from "../../../src/domain/types.js";
import { messages } from "../../../src/presentation/i18n/index.js";
import { commandForms, commandHelpLines, orList } from "../../../src/presentation/i18n/kind-commands.js";

describe("logging commands' words", () => {
  it("build each kind's form from its arguments, with examples where given", () => {
    const forms = commandForms(messages.ru.kindCommand);
    expect(forms.call).toBe("/call [дозвон|встреча|недозвон] [клиент]");
    expect(forms.deal).toBe("/deal <сумма> [клиент]  напр. /deal 50 000 Ромашка, /deal 1,5 млн, /deal 50k");
    expect(commandForms(messages.en.kindCommand).lost).toBe("/lost <client> — <reason>");
  });

  it("give /help one escaped line per kind, in the domain's order", () => {
    for (const l of LOCALES) {
      const lines = commandHelpLines(messages[l].kindCommand).split("\n");
      expect(lines.map((line) => line.split(" ")[0])).toEqual(ACTIVITY_KINDS.map((k) => `/${k}`));
      expect(lines.join("\n")).not.toMatch(/<(?!\/?b>)/);
      expect(messages[l].help.logging).toContain(lines.join("\n"));
    }
    expect(commandHelpLines(messages.en.kindCommand)).toContain("/lead &lt;client&gt; — a new lead");
  });

  it("join words with the language's 'or'", () => {
    expect(orList(["дозвон", "встреча", "недозвон"], "или")).toBe("дозвон, встреча или недозвон");
    expect(orList(["a", "b"], "or")).toBe("a or b");
    expect(orList(["a"], "or")).toBe("a");
    expect(orList([], "or")).toBe("");
  });
});
