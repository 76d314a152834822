/** The sample's re-check of boundary works (src/sample/recheck.ts), on hand-made participants. */
import { describe, expect, it } from "vitest";
import type { ParticipantRow } from "../../../src/core/model";
import { boundaryRechecks } from "../../../src/sample/recheck";

const place = { year: 2026, procedure: "ВПР" as const, grade: 4, subject: "Русский язык" };
function pupil(code: string, score: number | null, mark: number | null, over: Partial<ParticipantRow> = {}) {
  return {
    ...place,
    className: "4а",
    code,
    score,
    mark,
    journalMark: null,
    taskPoints: [],
    source: "t",
    ...over,
  } satisfies ParticipantRow;
}

describe("boundaryRechecks", () => {
  it("takes the works on the lowest score of «3» first (code order), lowers them, confirms the others", () => {
    const rows = boundaryRechecks(
      [
        pupil("p05", 14, 3),
        pupil("p01", 20, 4),
        pupil("p03", 14, 3),
        pupil("p02", 13, 2),
        pupil("p04", 15, 3),
        pupil("p06", null, 3), // no score: not re-checked
        pupil("p07", 14, 3, { grade: 5 }), // another work
      ],
      place,
    );
    expect(rows.map((r) => [r.code, r.schoolMark, r.commissionMark])).toEqual([
      ["p03", 3, 2],
      ["p05", 3, 2],
      ["p01", 4, 4],
      ["p02", 2, 2],
      ["p04", 3, 3],
    ]);
  });

  it("stops at 20 works and 14 lowered; a work without «3» gives no re-check", () => {
    const many = Array.from({ length: 30 }, (_, i) => pupil(`c${String(i).padStart(2, "0")}`, 10, 3));
    const rows = boundaryRechecks(many, place);
    expect(rows.length).toBe(20);
    expect(rows.filter((r) => r.commissionMark === 2).length).toBe(14);
    expect(rows.slice(14).every((r) => r.commissionMark === 3)).toBe(true);
    expect(boundaryRechecks([pupil("a", 20, 4), pupil("b", 5, 2)], place)).toEqual([]);
  });
});
