import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  allIndicators,
  fromParticipantRows,
  indicatorsOf,
  Interner,
  journalOf,
  markCountsOf,
  participantsOf,
  type ParticipantColumns,
} from "../../../src/core/aggregate";
import * as ind from "../../../src/core/indicators";
import type { ParticipantRow } from "../../../src/core/model";
import { DEFAULT_PROFILE, type Profile } from "../../../src/core/profile";

/**
 * Four groups, rows interleaved on purpose:
 *  A (0): marks 5 4 3 2 1 –, journal 5 5 3 4 – 3, scores 20 15 – 8 2 –
 *  B (1): no rows at all
 *  C (2): marks 3 5, journal 5 3, no scores
 *  D (3): one participant without a mark, score 12
 */
function columns(): ParticipantColumns {
  const rows: [group: number, mark: number, journal: number, score: number][] = [
    [0, 5, 5, 20],
    [2, 3, 5, NaN],
    [0, 4, 5, 15],
    [3, 0, 0, 12],
    [0, 3, 3, NaN],
    [0, 2, 4, 8],
    [2, 5, 3, NaN],
    [0, 1, 0, 2],
    [0, 0, 3, NaN],
  ];
  return {
    group: Int32Array.from(rows.map((r) => r[0])),
    groupCount: 4,
    mark: Uint8Array.from(rows.map((r) => r[1])),
    journal: Uint8Array.from(rows.map((r) => r[2])),
    score: Float32Array.from(rows.map((r) => r[3])),
  };
}

describe("aggregate: counters per group", () => {
  const t = aggregate(columns());

  it("counts marks 5…1 and participants with and without a mark", () => {
    expect(markCountsOf(t, 0)).toEqual({ n5: 1, n4: 1, n3: 1, n2: 1, n1: 1 });
    expect(participantsOf(t, 0)).toBe(6);
    expect(markCountsOf(t, 2)).toEqual({ n5: 1, n4: 0, n3: 1, n2: 0, n1: 0 });
    expect(participantsOf(t, 3)).toBe(1);
  });

  it("compares test and journal marks only where both are present", () => {
    // A: (5,5) confirmed, (4,5) lowered, (3,3) confirmed, (2,4) lowered and gap 2; (1,–) and (–,3) skipped.
    expect(journalOf(t, 0)).toEqual({ n: 4, lowered: 2, confirmed: 2, raised: 0, gap2: 1 });
    // C: (3,5) lowered, (5,3) raised, both gaps of 2.
    expect(journalOf(t, 2)).toEqual({ n: 2, lowered: 1, confirmed: 0, raised: 1, gap2: 2 });
  });

  it("an empty group has zero counters", () => {
    expect(markCountsOf(t, 1)).toEqual({ n5: 0, n4: 0, n3: 0, n2: 0, n1: 0 });
    expect(participantsOf(t, 1)).toBe(0);
    expect(journalOf(t, 1)).toEqual({ n: 0, lowered: 0, confirmed: 0, raised: 0, gap2: 0 });
    expect(t.scoreSum[1]).toBe(0);
  });

  it("sums scores skipping NaN", () => {
    expect(t.scoreSum[0]).toBe(45); // 20 + 15 + 8 + 2
    expect(t.scoreSum[2]).toBe(0);
    expect(t.scoreSum[3]).toBe(12);
  });
});

describe("aggregate: indicators per group", () => {
  const [a, b, c, d] = allIndicators(aggregate(columns()), DEFAULT_PROFILE);

  it("group A with one mark of each value, «1» included in N", () => {
    expect(a.participants).toBe(6);
    expect(a.marked).toBe(5);
    expect(a.success).toBe(60); // 3/5
    expect(a.quality).toBe(40); // 2/5
    expect(a.sou).toBeCloseTo(44.6, 12); // (100+64+36+16+7)/5 = 223/5
    expect(a.meanMark).toBe(3); // 15/5
    expect(a.share2).toBe(40); // «2» and «1»: 2/5
    expect(a.compared).toBe(4);
    expect(a.confirmed).toBe(50);
    expect(a.lowered).toBe(50);
    expect(a.raised).toBe(0);
    expect(a.gap2).toBe(25);
    expect(a.meanScore).toBe(11.25); // 45/4
  });

  it("an empty group gives null, never 0", () => {
    expect(b).toEqual({
      participants: 0,
      marked: 0,
      success: null,
      quality: null,
      sou: null,
      meanMark: null,
      share2: null,
      compared: 0,
      confirmed: null,
      lowered: null,
      raised: null,
      gap2: null,
      meanScore: null,
    });
  });

  it("group C without scores: mean score is null, shares are computed", () => {
    expect(c.success).toBe(100);
    expect(c.quality).toBe(50);
    expect(c.sou).toBe(68); // (100+36)/2
    expect(c.meanMark).toBe(4);
    expect(c.share2).toBe(0);
    expect(c.confirmed).toBe(0);
    expect(c.lowered).toBe(50);
    expect(c.raised).toBe(50);
    expect(c.gap2).toBe(100);
    expect(c.meanScore).toBeNull();
  });

  it("group D: a participant without a mark counts as participant, not in N", () => {
    expect(d.participants).toBe(1);
    expect(d.marked).toBe(0);
    expect(d.quality).toBeNull();
    expect(d.meanScore).toBe(12);
  });

  it("СОУ uses the profile's weights", () => {
    const p: Profile = { ...DEFAULT_PROFILE, values: { ...DEFAULT_PROFILE.values, "sou.weights": [5, 4, 3, 2, 1] } };
    expect(indicatorsOf(aggregate(columns()), 0, p).sou).toBe(3); // 15/5
  });
});

describe("aggregate: input checks", () => {
  it("rejects columns of different lengths", () => {
    const cols = { ...columns(), score: new Float32Array(2) };
    expect(() => aggregate(cols)).toThrow("Столбцы разной длины: группа 9, отметка 9, журнал 9, балл 2.");
  });
  it("rejects a group id outside 0…groupCount−1", () => {
    const cols = { ...columns(), groupCount: 3 };
    expect(() => aggregate(cols)).toThrow("Строка 3: группа 3 (допустимо 0…2)");
  });
  it("rejects a mark above 5 and a journal mark above 5", () => {
    const cols = columns();
    cols.mark[1] = 6;
    expect(() => aggregate(cols)).toThrow("Строка 1: группа 2 (допустимо 0…3), отметка 6");
    const cols2 = columns();
    cols2.journal[0] = 9;
    expect(() => aggregate(cols2)).toThrow("Строка 0: отметка по журналу 9");
    // Checked on every row, also where there is no test mark to compare with (row 3 of group D).
    const cols3 = columns();
    cols3.journal[3] = 6;
    expect(() => aggregate(cols3)).toThrow("Строка 3: отметка по журналу 6");
  });
  it("no rows and no groups give empty totals", () => {
    const t = aggregate({
      group: new Int32Array(0),
      groupCount: 0,
      mark: new Uint8Array(0),
      journal: new Uint8Array(0),
      score: new Float32Array(0),
    });
    expect(t.counts.length).toBe(0);
    expect(allIndicators(t, DEFAULT_PROFILE)).toEqual([]);
  });
});

describe("Interner", () => {
  it("assigns dense ids in first-seen order and maps back", () => {
    const i = new Interner();
    expect([i.id("б"), i.id("а"), i.id("б"), i.id("в")]).toEqual([0, 1, 0, 2]);
    expect(i.size).toBe(3);
    expect(i.key(1)).toBe("а");
    expect(i.keys).toEqual(["б", "а", "в"]);
    expect(i.find("а")).toBe(1);
    expect(i.find("г")).toBe(-1);
  });
});

function row(over: Partial<ParticipantRow>): ParticipantRow {
  return {
    procedure: "ВПР",
    year: 2025,
    grade: 5,
    className: "5А",
    subject: "Математика",
    code: "0001",
    score: null,
    mark: null,
    journalMark: null,
    taskPoints: [],
    source: "form",
    ...over,
  };
}

describe("fromParticipantRows", () => {
  it("groups by procedure × year × grade × subject and encodes missing values", () => {
    const rows = [
      row({ mark: 4, journalMark: 5, score: 14 }),
      row({ subject: "Русский язык", mark: 3, journalMark: null, score: null }),
      row({ className: "5Б", mark: 5, journalMark: 5, score: 18.5 }),
      row({ year: 2026, mark: null, score: 3 }),
      row({ grade: 6, mark: 2.5 }), // not a mark 1–5: stored as «no mark»
    ];
    const { columns: c, groups } = fromParticipantRows(rows);
    expect(groups.size).toBe(4); // 5А and 5Б share the parallel's group
    expect(Array.from(c.group)).toEqual([0, 1, 0, 2, 3]);
    expect(Array.from(c.mark)).toEqual([4, 3, 5, 0, 0]);
    expect(Array.from(c.journal)).toEqual([5, 0, 5, 0, 0]);
    expect(Array.from(c.score)).toEqual([14, NaN, 18.5, 3, NaN]);
    const first = indicatorsOf(aggregate(c), 0, DEFAULT_PROFILE);
    expect(first.quality).toBe(100);
    expect(first.confirmed).toBe(50);
    expect(first.meanScore).toBe(16.25);
  });

  it("a shared interner puts several schools into one id space", () => {
    const ids = new Interner();
    const s1 = fromParticipantRows([row({ mark: 5 })], ids, () => "sch1");
    const s2 = fromParticipantRows([row({ mark: 5 }), row({ mark: 3 })], ids, () => "sch2");
    expect(Array.from(s1.columns.group)).toEqual([0]);
    expect(Array.from(s2.columns.group)).toEqual([1, 1]);
    expect(s2.columns.groupCount).toBe(2);
    expect(ids.key(1).startsWith("sch2")).toBe(true);
  });
});

describe("aggregate agrees with indicators.ts on random data", () => {
  it("per group: counts, confirmation and mean score", () => {
    const line = fc.tuple(
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 5 }),
      fc.option(fc.integer({ min: 0, max: 30 })),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const t = aggregate({
          group: Int32Array.from(lines.map((l) => l[0])),
          groupCount: 5,
          mark: Uint8Array.from(lines.map((l) => l[1])),
          journal: Uint8Array.from(lines.map((l) => l[2])),
          score: Float32Array.from(lines.map((l) => l[3] ?? NaN)),
        });
        for (let g = 0; g < 5; g++) {
          const mine = lines.filter((l) => l[0] === g);
          const marks = mine.map((l) => l[1]).filter((m) => m > 0);
          expect(markCountsOf(t, g)).toEqual(ind.countMarks(marks));
          const withBoth = mine.filter((l) => l[1] > 0 && l[2] > 0);
          expect(journalOf(t, g)).toEqual(
            ind.confirmation(
              withBoth.map((l) => l[1]),
              withBoth.map((l) => l[2]),
            ),
          );
          const scores = mine.flatMap((l) => (l[3] === null ? [] : [l[3]]));
          expect(indicatorsOf(t, g, DEFAULT_PROFILE).meanScore).toBe(ind.meanScore(scores));
        }
      }),
      { numRuns: 200 },
    );
  });
});
