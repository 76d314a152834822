/**
 * Case 1, engine throughput: every result indicator per school × procedure × year × grade × subject
 * from participant rows. Each contender starts from the same columns in memory, in its own natural
 * input format (built outside the timing), and ends with the same per-group indicator records.
 * Data-frame libraries get their table built inside the timing, because that is their entry point.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The counter columns every contender ends with, one value per group. */
const COUNTERS = [
  "n5",
  "n4",
  "n3",
  "n2",
  "n1",
  "participants",
  "lowered",
  "confirmed",
  "raised",
  "gap2",
  "scoreSum",
  "scoreCount",
];

/** Indicator records of `length` groups from a contender's counter columns (`column(name)` → array). */
function groupRecords(column, length, weights) {
  const [n5, n4, n3, n2, n1, participants, lowered, confirmed, raised, gap2, scoreSum, scoreCount] =
    COUNTERS.map(column);
  return Array.from({ length }, (_, i) =>
    indicatorRecord(
      n5[i],
      n4[i],
      n3[i],
      n2[i],
      n1[i],
      participants[i],
      lowered[i],
      confirmed[i],
      raised[i],
      gap2[i],
      scoreSum[i] ?? 0,
      scoreCount[i],
      weights,
    ),
  );
}

/**
 * The same indicators as groupRecords, as columns (index = group, NaN where a record has null):
 * the shape of the core's indicatorColumns, for the end-to-end case where every contender ends
 * with columns.
 */
function groupColumns(column, length, w) {
  const [n5, n4, n3, n2, n1, participants, lowered, confirmed, raised, gap2, scoreSum, scoreCount] =
    COUNTERS.map(column);
  const f = () => new Float64Array(length);
  const out = {
    groupCount: length,
    participants: new Uint32Array(length),
    marked: new Uint32Array(length),
    compared: new Uint32Array(length),
    ...Object.fromEntries(FIELDS.map((k) => [k, f()])),
  };
  const [w5, w4, w3, w2, w1] = w;
  const pct = (x, n) => (n > 0 ? (x * 100) / n : NaN);
  for (let i = 0; i < length; i++) {
    const marked = n5[i] + n4[i] + n3[i] + n2[i] + n1[i];
    const compared = lowered[i] + confirmed[i] + raised[i];
    out.participants[i] = participants[i];
    out.marked[i] = marked;
    out.compared[i] = compared;
    out.success[i] = pct(n5[i] + n4[i] + n3[i], marked);
    out.quality[i] = pct(n5[i] + n4[i], marked);
    out.sou[i] = marked > 0 ? (w5 * n5[i] + w4 * n4[i] + w3 * n3[i] + w2 * n2[i] + w1 * n1[i]) / marked : NaN;
    out.meanMark[i] = marked > 0 ? (5 * n5[i] + 4 * n4[i] + 3 * n3[i] + 2 * n2[i] + n1[i]) / marked : NaN;
    out.share2[i] = pct(n2[i] + n1[i], marked);
    out.confirmed[i] = pct(confirmed[i], compared);
    out.lowered[i] = pct(lowered[i], compared);
    out.raised[i] = pct(raised[i], compared);
    out.gap2[i] = pct(gap2[i], compared);
    out.meanScore[i] = scoreCount[i] > 0 ? (scoreSum[i] ?? 0) / scoreCount[i] : NaN;
  }
  return out;
}

/** The same formulas as src/core/indicators.ts, for contenders that compute them by hand. */
export function indicatorRecord(
  n5,
  n4,
  n3,
  n2,
  n1,
  participants,
  lowered,
  confirmed,
  raised,
  gap2,
  scoreSum,
  scoreCount,
  weights,
) {
  const marked = n5 + n4 + n3 + n2 + n1;
  const compared = lowered + confirmed + raised;
  const pct = (x, n) => (n > 0 ? (x * 100) / n : null);
  const [w5, w4, w3, w2, w1] = weights;
  return {
    participants,
    marked,
    success: pct(n5 + n4 + n3, marked),
    quality: pct(n5 + n4, marked),
    sou: marked > 0 ? (w5 * n5 + w4 * n4 + w3 * n3 + w2 * n2 + w1 * n1) / marked : null,
    meanMark: marked > 0 ? (5 * n5 + 4 * n4 + 3 * n3 + 2 * n2 + n1) / marked : null,
    share2: pct(n2 + n1, marked),
    compared,
    confirmed: pct(confirmed, compared),
    lowered: pct(lowered, compared),
    raised: pct(raised, compared),
    gap2: pct(gap2, compared),
    meanScore: scoreCount > 0 ? scoreSum / scoreCount : null,
  };
}

/** The share indicators every contender computes, in the order of the core's INDICATOR_SHARES (src/core/aggregate.ts). */
export const FIELDS = [
  "success",
  "quality",
  "sou",
  "meanMark",
  "share2",
  "confirmed",
  "lowered",
  "raised",
  "gap2",
  "meanScore",
];

/**
 * Order-independent fingerprint of the output, to check that every contender computed the same:
 * records (an array, null = no value) or indicator columns (`groupCount` and one array per
 * indicator, NaN = no value).
 */
export function checksum(records) {
  let sum = 0;
  let nulls = 0;
  let groups = 0;
  let participants = 0;
  if (!Array.isArray(records)) {
    const c = records;
    for (let g = 0; g < c.groupCount; g++) {
      if (c.participants[g] === 0) continue;
      groups++;
      participants += c.participants[g];
      for (const f of FIELDS) {
        if (Number.isNaN(c[f][g])) nulls++;
        else sum += c[f][g];
      }
    }
    return { groups, participants, nulls, sum };
  }
  for (const r of records) {
    if (r.participants === 0) continue;
    groups++;
    participants += r.participants;
    for (const f of FIELDS) {
      if (r[f] === null || Number.isNaN(r[f])) nulls++;
      else sum += r[f];
    }
  }
  return { groups, participants, nulls, sum };
}

export const CONTENDERS = {
  core: {
    label: "Ядро МСОКО (src/core/aggregate.ts, типизированные массивы)",
    prepare: (cols) => cols,
    run: (cols, m) => m.core.allIndicators(m.core.aggregate(cols), m.DEFAULT_PROFILE),
  },
  coreRows: {
    label: "Ядро МСОКО от строк модели (fromParticipantRows + aggregate)",
    prepare: (cols, m, gen) => gen.toParticipantRows(cols),
    run: (rows, m) => {
      const { columns } = m.core.fromParticipantRows(rows, new m.core.Interner(), (r) => r.source);
      return m.core.allIndicators(m.core.aggregate(columns), m.DEFAULT_PROFILE);
    },
  },
  objects: {
    label: "Массив объектов + Map (прямолинейная реализация)",
    prepare: (cols) =>
      Array.from(cols.group, (g, i) => ({
        group: g,
        mark: cols.mark[i] || null,
        journal: cols.journal[i] || null,
        score: Number.isNaN(cols.score[i]) ? null : cols.score[i],
      })),
    run: (rows, m) => {
      const groups = new Map();
      for (const r of rows) {
        let a = groups.get(r.group);
        if (!a) {
          a = {
            n: [0, 0, 0, 0, 0, 0],
            participants: 0,
            lowered: 0,
            confirmed: 0,
            raised: 0,
            gap2: 0,
            scoreSum: 0,
            scoreCount: 0,
          };
          groups.set(r.group, a);
        }
        a.participants++;
        if (r.mark !== null) {
          a.n[r.mark]++;
          if (r.journal !== null) {
            if (r.mark < r.journal) a.lowered++;
            else if (r.mark > r.journal) a.raised++;
            else a.confirmed++;
            if (Math.abs(r.mark - r.journal) >= 2) a.gap2++;
          }
        }
        if (r.score !== null) {
          a.scoreSum += r.score;
          a.scoreCount++;
        }
      }
      const w = m.DEFAULT_PROFILE.values["sou.weights"];
      return [...groups.values()].map((a) =>
        indicatorRecord(
          a.n[5],
          a.n[4],
          a.n[3],
          a.n[2],
          a.n[1],
          a.participants,
          a.lowered,
          a.confirmed,
          a.raised,
          a.gap2,
          a.scoreSum,
          a.scoreCount,
          w,
        ),
      );
    },
  },
  arquero: {
    label: "arquero 8 (groupby + rollup)",
    prepare: (cols) => ({ cols, aq: require("arquero") }),
    run: ({ cols, aq }, m) =>
      arqueroIndicators(
        aq,
        aq.table({ group: cols.group, mark: cols.mark, journal: cols.journal, score: cols.score }),
        ["group"],
        m.DEFAULT_PROFILE.values["sou.weights"],
      ),
  },
  danfo: {
    label: "danfojs 1.1.2 (groupby + agg)",
    prepare: (cols) => ({ cols, dfd: require("danfojs") }),
    run: ({ cols, dfd }, m) =>
      danfoIndicators(dfd, { group: Array.from(cols.group) }, cols, m.DEFAULT_PROFILE.values["sou.weights"]),
  },
};

/**
 * arquero's way to the indicators: a table with `mark`, `journal`, `score` (NaN = none) and the
 * key columns, grouped by `keys` (arquero builds its own group key from them), one rollup of the
 * counters, then the same formulas as the core: records, or columns with `columnar`.
 */
export function arqueroIndicators(aq, table, keys, w, columnar = false) {
  const t = table
    .derive({ score: (d) => (d.score === d.score ? d.score : undefined), both: (d) => d.mark > 0 && d.journal > 0 })
    .groupby(...keys)
    .rollup({
      participants: aq.op.count(),
      n5: (d) => aq.op.sum(d.mark === 5 ? 1 : 0),
      n4: (d) => aq.op.sum(d.mark === 4 ? 1 : 0),
      n3: (d) => aq.op.sum(d.mark === 3 ? 1 : 0),
      n2: (d) => aq.op.sum(d.mark === 2 ? 1 : 0),
      n1: (d) => aq.op.sum(d.mark === 1 ? 1 : 0),
      lowered: (d) => aq.op.sum(d.both && d.mark < d.journal ? 1 : 0),
      confirmed: (d) => aq.op.sum(d.both && d.mark === d.journal ? 1 : 0),
      raised: (d) => aq.op.sum(d.both && d.mark > d.journal ? 1 : 0),
      gap2: (d) => aq.op.sum(d.both && aq.op.abs(d.mark - d.journal) >= 2 ? 1 : 0),
      scoreSum: (d) => aq.op.sum(d.score),
      scoreCount: (d) => aq.op.valid(d.score),
    });
  return (columnar ? groupColumns : groupRecords)((name) => t.array(name), t.numRows(), w);
}

/**
 * danfojs's way: a DataFrame of the key columns (`keyColumns`: name → plain array) and the
 * indicator columns a data-frame user derives before grouping, groupby on the keys, sum.
 * `cols` holds mark, journal (0 = none) and score (NaN = none) as arrays of equal length.
 * Records, or columns with `columnar`.
 */
export function danfoIndicators(dfd, keyColumns, cols, w, columnar = false) {
  const n = cols.mark.length;
  // Indicator columns derived in plain JS: the cheapest way.
  const is = (pred) => {
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = pred(i) ? 1 : 0;
    return out;
  };
  const both = (i) => cols.mark[i] > 0 && cols.journal[i] > 0;
  const df = new dfd.DataFrame({
    ...keyColumns,
    one: new Array(n).fill(1),
    n5: is((i) => cols.mark[i] === 5),
    n4: is((i) => cols.mark[i] === 4),
    n3: is((i) => cols.mark[i] === 3),
    n2: is((i) => cols.mark[i] === 2),
    n1: is((i) => cols.mark[i] === 1),
    lowered: is((i) => both(i) && cols.mark[i] < cols.journal[i]),
    confirmed: is((i) => both(i) && cols.mark[i] === cols.journal[i]),
    raised: is((i) => both(i) && cols.mark[i] > cols.journal[i]),
    gap2: is((i) => both(i) && Math.abs(cols.mark[i] - cols.journal[i]) >= 2),
    scoreSum: Array.from(cols.score, (s) => (Number.isNaN(s) ? 0 : s)),
    scoreCount: is((i) => !Number.isNaN(cols.score[i])),
  });
  // The counters summed; «one» counts the participants.
  const names = ["one", ...COUNTERS.filter((k) => k !== "participants")];
  const g = df.groupby(Object.keys(keyColumns)).agg(Object.fromEntries(names.map((k) => [k, "sum"])));
  // danfojs names a summed column «<name>_sum»; its «one» column counts the participants.
  const col = (k) => g[`${k === "participants" ? "one" : k}_sum`].values;
  return (columnar ? groupColumns : groupRecords)(col, col("participants").length, w);
}
