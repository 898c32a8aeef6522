import { describe, expect, it } from "vitest";
import { parseBitrixWebhook } from "../../src/crm/bitrix24/client.js";
import { parseAmoAddress } from "../../src/crm/connect.js";
import { phpQuery, safeTarget } from "../../src/crm/http.js";

describe("CRM request helpers", () => {
  it("writes nested parameters the PHP way", () => {
    expect(decodeURIComponent(phpQuery({ filter: { note_type: ["call_in", "call_out"], updated_at: { from: 5 } }, page: 2 }))).toBe(
      "filter[note_type][0]=call_in&filter[note_type][1]=call_out&filter[updated_at][from]=5&page=2",
    );
  });

  it("never names a Bitrix24 webhook's secret path in errors", () => {
    expect(safeTarget("https://firm.bitrix24.ru/rest/1/s3cr3tk3y/crm.deal.list.json")).toBe(
      "https://firm.bitrix24.ru/rest/***/crm.deal.list.json",
    );
    expect(safeTarget("https://firm.amocrm.ru/api/v4/leads?page=2")).toBe("https://firm.amocrm.ru/api/v4/leads");
  });

  it("takes only real account addresses (http only for black-box tests)", () => {
    expect(parseAmoAddress("firm.amocrm.ru", false)).toBe("https://firm.amocrm.ru");
    expect(parseAmoAddress("https://firm.kommo.com/leads/", false)).toBe("https://firm.kommo.com");
    expect(parseAmoAddress("http://firm.amocrm.ru", false)).toBeNull();
    expect(parseAmoAddress("https://evil.example.com", false)).toBeNull();
    expect(parseAmoAddress("http://127.0.0.1:9000", true)).toBe("http://127.0.0.1:9000");
    expect(parseBitrixWebhook("https://firm.bitrix24.ru/rest/1/abc123/", false)).toEqual({
      url: "https://firm.bitrix24.ru/rest/1/abc123/",
      portal: "firm.bitrix24.ru",
    });
    expect(parseBitrixWebhook("https://firm.bitrix24.ru/rest/1/abc123/profile.json", false)?.url).toBe(
      "https://firm.bitrix24.ru/rest/1/abc123/",
    );
    expect(parseBitrixWebhook("http://firm.bitrix24.ru/rest/1/abc123/", false)).toBeNull();
    expect(parseBitrixWebhook("https://firm.bitrix24.ru/crm/deal/", false)).toBeNull();
  });
});
