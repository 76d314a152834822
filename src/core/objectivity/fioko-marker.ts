/**
 * F (§3): FIOKO's own per-school 0/1 markers of biased results, imported as data. They are
 * reported as they are (no sample-size rule applies: FIOKO has the full data).
 */
import type { FiokoMarker } from "../model";
import { canonical } from "../context/units";
import type { SignResult } from "./sign";

export function signF(m: FiokoMarker): SignResult {
  return {
    rule: "F",
    fired: m.marker === 1,
    evaluated: true,
    year: m.year,
    procedure: "ВПР",
    grade: m.grade,
    subject: canonical(m.subject),
    numbers: { marker: m.marker },
    threshold: [],
    reference: { kind: "fioko", value: m.marker, n: 0, source: m.source },
    tags: ["OFFICIAL"],
  };
}
