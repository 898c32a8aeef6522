// A resolved period as a reader names it: "ноябрь 2026", "16.11–22.11", "сегодня, 26.11".

import type { Locale } from "../../domain/locales.js";
import { parseDateParts } from "../../domain/time.js";
import type { Period } from "../../domain/types.js";
import { messages } from "../i18n/index.js";

function dm(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

function dmy(date: string): string {
  return `${dm(date)}.${date.slice(0, 4)}`;
}

/**
 * Human label: "ноябрь 2026" / "November 2026", "16.11–22.11", "сегодня, 26.11",
 * "4 кв. 2026" / "Q4 2026". Years are shown on day ranges only when the range
 * crosses a New Year.
 */
export function periodLabel(period: Period, locale: Locale): string {
  const w = messages[locale].periodLabel;
  const { year, month } = parseDateParts(period.startDate);
  switch (period.kind) {
    case "today":
      return `${w.today}, ${dm(period.startDate)}`;
    case "yesterday":
      return `${w.yesterday}, ${dm(period.startDate)}`;
    case "month":
    case "lastmonth":
      return `${w.months[month - 1]} ${year}`;
    case "quarter":
    case "lastquarter":
      return w.quarter(Math.floor((month - 1) / 3) + 1, year);
    case "year":
      return w.year(year);
    default: {
      if (period.startDate === period.endDate) return dm(period.startDate);
      const sameYear = period.startDate.slice(0, 4) === period.endDate.slice(0, 4);
      return sameYear ? `${dm(period.startDate)}–${dm(period.endDate)}` : `${dmy(period.startDate)}–${dmy(period.endDate)}`;
    }
  }
}
