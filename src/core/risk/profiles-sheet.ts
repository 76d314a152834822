/**
 * Import of FIOKO risk profiles (§4, R5) from a simple sheet: a header row with «Логин» (ОО),
 * «Год» and one column per factor (the 12 names of §4; a header matches a factor when its
 * normalised text equals the name or starts with it), then one row per school and year with
 * «высокий» / «средний» / «низкий» (also «в», «с», «н»; blank = factor not given).
 * Grids in, model out: unknown headers and values become Russian findings naming the cell.
 */
import { formatCell } from "../a1";
import type { CellValue } from "../values";
import type { Finding, RiskLevelRu, RiskProfile } from "../model";
import { normaliseKey } from "../subjects";
import { quoteValue, readCell } from "../values";

export const RISK_PROFILE_FACTORS: readonly string[] = [
  "Низкий уровень оснащения школы",
  "Дефицит педагогических кадров",
  "Недостаточная предметная и методическая компетентность педагогов",
  "Риски низкой адаптивности учебного процесса",
  "Несформированность внутришкольной системы повышения квалификации",
  "Низкое качество преодоления языковых и культурных барьеров",
  "Пониженный уровень качества школьной образовательной и воспитательной среды",
  "Высокая доля обучающихся с рисками учебной неуспешности",
  "Низкий уровень вовлечённости родителей",
  "Высокая доля обучающихся с ОВЗ",
  "Низкая учебная мотивация обучающихся",
  "Низкий уровень дисциплины в классе",
];

const LEVELS: Record<string, RiskLevelRu> = {
  высокий: "высокий",
  в: "высокий",
  высокая: "высокий",
  средний: "средний",
  с: "средний",
  средняя: "средний",
  низкий: "низкий",
  н: "низкий",
  низкая: "низкий",
};

function a1(row: number, col: number): string {
  return formatCell({ row, col });
}

function text(v: CellValue): string {
  const c = readCell(v);
  if (c.kind === "text") return c.text;
  if (c.kind === "number") return String(c.value);
  return "";
}

export function factorOfHeader(header: string): string | null {
  const key = normaliseKey(header);
  if (key === "") return null;
  for (const f of RISK_PROFILE_FACTORS) {
    const fk = normaliseKey(f);
    if (key === fk || key.startsWith(fk) || (key.length >= 12 && fk.startsWith(key))) return f;
  }
  return null;
}

export interface RiskProfilesImport {
  profiles: RiskProfile[];
  findings: Finding[];
}

/** Parses the sheet; `source` is the file name shown with every profile and finding. */
export function parseRiskProfiles(grid: readonly CellValue[][], sheet: string, source: string): RiskProfilesImport {
  const findings: Finding[] = [];
  const finding = (severity: Finding["severity"], rule: string, cell: string, message: string): void => {
    findings.push({ severity, rule, sheet, cell, message });
  };
  const headerRow = grid.findIndex((row) => row.some((v) => normaliseKey(text(v)).startsWith("логин")));
  if (headerRow < 0) {
    finding(
      "error",
      "risk.header",
      "",
      `Лист «${sheet}» (${source}): не найдена строка заголовков со столбцом «Логин»; ожидаются столбцы «Логин», «Год» и по столбцу на каждый из 12 факторов риска.`,
    );
    return { profiles: [], findings };
  }
  const header = grid[headerRow];
  let loginCol = -1;
  let yearCol = -1;
  const factorCols = new Map<number, string>();
  header.forEach((v, c) => {
    const t = text(v);
    const k = normaliseKey(t);
    if (k === "") return;
    if (k.startsWith("логин")) loginCol = c;
    else if (k === "год" || k.startsWith("учебный год")) yearCol = c;
    else {
      const f = factorOfHeader(t);
      if (f) factorCols.set(c, f);
      else
        finding(
          "warning",
          "risk.column",
          a1(headerRow, c),
          `Столбец ${quoteValue(t)} в ячейке ${a1(headerRow, c)} листа «${sheet}» не является фактором рискового профиля и пропущен; ожидаются названия 12 факторов ФИОКО.`,
        );
    }
  });
  if (yearCol < 0) {
    finding(
      "error",
      "risk.header",
      a1(headerRow, 0),
      `Лист «${sheet}»: в строке заголовков ${headerRow + 1} нет столбца «Год».`,
    );
    return { profiles: [], findings };
  }
  if (factorCols.size === 0) {
    finding(
      "error",
      "risk.header",
      a1(headerRow, 0),
      `Лист «${sheet}»: в строке заголовков ${headerRow + 1} нет ни одного столбца фактора риска.`,
    );
    return { profiles: [], findings };
  }
  const profiles: RiskProfile[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    const login = text(row[loginCol]).trim();
    if (login === "" && row.every((v) => readCell(v).kind === "blank")) continue;
    if (login === "") {
      finding(
        "error",
        "risk.login",
        a1(r, loginCol),
        `Ячейка ${a1(r, loginCol)} листа «${sheet}»: пустой логин ОО; ожидается логин ФИС ОКО (например, sch420123).`,
      );
      continue;
    }
    const yc = readCell(row[yearCol]);
    if (yc.kind !== "number" || !Number.isInteger(yc.value) || yc.value < 2000 || yc.value > 2100) {
      finding(
        "error",
        "risk.year",
        a1(r, yearCol),
        `Ячейка ${a1(r, yearCol)} листа «${sheet}»: год ${quoteValue(row[yearCol])} не распознан; ожидается год, например 2025.`,
      );
      continue;
    }
    const factors: Record<string, RiskLevelRu> = {};
    for (const [c, f] of factorCols) {
      const raw = text(row[c]).trim();
      if (raw === "") continue;
      const level = LEVELS[normaliseKey(raw)];
      if (level) factors[f] = level;
      else
        finding(
          "error",
          "risk.level",
          a1(r, c),
          `Ячейка ${a1(r, c)} листа «${sheet}»: уровень ${quoteValue(raw)} не распознан; ожидается «высокий», «средний» или «низкий».`,
        );
    }
    profiles.push({ year: yc.value, login, factors, source });
  }
  return { profiles, findings };
}
