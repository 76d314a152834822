/**
 * ovzStats counts marks as they come (issue 23) instead of keeping them per test: the counts must
 * be countMarks' — a mark out of 1–5 or blank is left out, a fractional one is not counted by mark
 * but still counts among the ОВЗ participants with a mark, as before.
 */
import { describe, expect, it } from "vitest";
import type { ParticipantRow } from "../../../src/core/model";
import { ovzStats } from "../../../src/core/ovz";
import { DEFAULT_PROFILE } from "../../../src/core/profile";

let seq = 0;
const pupil = (mark: number | null, ovz: boolean, subject = "Математика"): ParticipantRow => ({
  procedure: "ВПР",
  year: 2026,
  grade: 5,
  className: "А",
  subject,
  code: `c${++seq}`,
  score: null,
  mark,
  journalMark: null,
  ...(ovz ? { ovz: true } : {}),
  taskPoints: [],
  source: "form",
});

describe("ovzStats counts", () => {
  it("counts marks 1–5 by mark, skips blanks and marks out of range, keeps a fractional ОВЗ mark in n", () => {
    const rows = [
      pupil(5, true),
      pupil(4, true),
      pupil(4, true),
      pupil(3, true),
      pupil(1, true),
      pupil(4.5, true),
      pupil(null, true),
      pupil(6, true),
      pupil(0, true),
      pupil(2, false),
      pupil(5, false),
      // Another test: no ОВЗ participant, so no line for it.
      pupil(5, false, "Русский язык"),
    ];
    const [m, ...rest] = ovzStats(rows, DEFAULT_PROFILE);
    expect(rest).toEqual([]);
    expect(m.subject).toBe("Математика");
    // ОВЗ with a mark 1–5: 5, 4, 4, 3, 1 and 4,5 → n = 6; by mark the fractional one is not counted.
    expect(m.n).toBe(6);
    expect(m.marks).toEqual({ n5: 1, n4: 2, n3: 1, n2: 0, n1: 1 });
    expect(m.all).toEqual({ n5: 2, n4: 2, n3: 1, n2: 1, n1: 1 });
    expect(m.state).toBe("");
  });
});
