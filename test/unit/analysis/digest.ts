/**
 * A compact, order-stable digest of an analysis: per school and year the fired signs (with their
 * test), the risk level, score and fired factors, plus stability. The sample's digest is kept as a
 * fixture so a change meant only to make the engine faster cannot silently change its results.
 */
import type { MunicipalAnalysis } from "../../../src/core/analysis";

export function analysisDigest(a: MunicipalAnalysis): string[] {
  const lines: string[] = [];
  for (const s of a.schools) {
    lines.push(
      `${s.login} кластер=${s.cluster.label} стабильность=${s.stability?.status ?? "-"} отсутствие=${s.stableAbsence?.stable ?? "-"}`,
    );
    for (const y of s.years) {
      const signs = y.signs
        .filter((g) => g.fired)
        .map((g) => `${g.rule}:${g.procedure ?? ""}/${g.grade ?? ""}/${g.subject ?? ""}`)
        .join(",");
      const evaluated = y.signs.filter((g) => g.evaluated).length;
      const factors = y.risk.factors
        .filter((f) => f.fired)
        .map((f) => f.id)
        .join(",");
      const score = y.risk.score === null ? "-" : y.risk.score.toFixed(2);
      lines.push(
        `  ${y.year} оценено=${evaluated} признаки=[${signs}] риск=${y.risk.level ?? "-"} балл=${score} факторы=[${factors}] z=${y.standardized ? y.standardized.value.toFixed(4) : "-"}`,
      );
    }
  }
  return lines;
}
