/**
 * `npm run quality`: recall of injected situations and false alarms per sign and factor over
 * sampled municipalities (src/sample/quality.ts). QUALITY_SEEDS=20 (default) sets how many seeds;
 * each seed gives one municipality with the situations and one without.
 */
import { measureQuality, qualityTable } from "../src/sample/quality";

const count = Math.max(1, Number(process.env.QUALITY_SEEDS ?? 20) || 20);
const seeds = Array.from({ length: count }, (_, i) => 1001 + i);
const report = measureQuality({
  seeds,
  onMunicipality: (done, total) => process.stderr.write(`\rмуниципалитетов: ${done} из ${total}`),
});
process.stderr.write("\n");
console.log(
  `Качество правил: ${report.municipalities} муниципалитетов (семена ${seeds[0]}–${seeds[seeds.length - 1]}, с ситуациями и без), участники разыграны случайно.\n`,
);
console.log(qualityTable(report));
if (report.missed.length) console.log(`\nНе найдены: ${report.missed.join("; ")}`);
