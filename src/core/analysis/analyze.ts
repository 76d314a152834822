/**
 * analyzeMunicipality: the whole analysis of §3–§6 for every school and year — cluster, signs,
 * stable absence, risk factors and level, stability, minimum-threshold dynamics — plus the
 * municipal and cluster references. Participants are aggregated once (units.ts); every later
 * step works on the aggregates with Maps, so the cost is O(participants + units · log).
 */
import type { Municipality, Location, SchoolType } from "../model";
import type { Profile } from "../profile";
import { assignClusters, type ClusterAssignment } from "../clusters";
import {
  firedSignIds,
  minThresholdDynamics,
  schoolSigns,
  stableAbsence,
  type MinThresholdRow,
  type SignId,
  type SignResult,
  type StableAbsence,
} from "../objectivity";
import { combineRisk, factorR1, factorR2, factorR3, factorR4, factorR5, factorR6, type RiskResult } from "../risk";
import { stability, type StabilityResult, type StabilityYearInput } from "../stability";
import { buildContext } from "../context/context";
import { lowerCut, quantilePositions, upperCut, type QuantilePosition } from "../context/quantile";
import { standardizedResults, type StandardizedYear } from "../context/standardized";
import { unitBelowShare, unitQuality } from "../context/units";
import { compareText } from "../context/text-order";

export interface SchoolYearAnalysis {
  year: number;
  /** Every sign result of the year, evaluated or not. */
  signs: SignResult[];
  firedSigns: SignId[];
  risk: RiskResult;
  standardized: StandardizedYear | null;
  clusterPosition: QuantilePosition | null;
}

export interface SchoolAnalysis {
  login: string;
  name: string;
  type: SchoolType;
  location: Location;
  cluster: ClusterAssignment;
  years: SchoolYearAnalysis[];
  stableAbsence: StableAbsence | null;
  stability: StabilityResult | null;
  minThreshold: MinThresholdRow[];
}

export interface ClusterYearReference {
  year: number;
  /** Schools of the cluster with a standardized result. */
  schools: number;
  meanZ: number | null;
  /** Standardized result at the lowest r2.quantile and at the top stability.topQuantile. */
  lowCut: number | null;
  highCut: number | null;
}

export interface ClusterReference {
  id: string;
  label: string;
  merged: boolean;
  schools: string[];
  byYear: ClusterYearReference[];
}

/** The municipality's pooled values of one procedure (the O1–O3 reference when nothing is imported). */
export interface MunicipalUnitReference {
  procedure: string;
  year: number;
  grade: number;
  subject: string;
  schools: number;
  n: number;
  quality: number | null;
  belowShare: number | null;
  mismatchShare: number | null;
}

export interface MunicipalAnalysis {
  municipality: string;
  profileVersion: string;
  years: number[];
  latestYear: number | null;
  schools: SchoolAnalysis[];
  clusters: ClusterReference[];
  references: MunicipalUnitReference[];
  minThreshold: MinThresholdRow[];
}

export interface AnalyzeOptions {
  /**
   * Hands each school's analysis, in the order of m.schools, to the caller instead of keeping it:
   * the result's `schools` is then empty. A caller that prints and serializes each school at once
   * lets a region's results die young instead of holding them all (src/cli/commands/analyze.ts).
   */
  onSchool?: (school: SchoolAnalysis) => void;
}

export function analyzeMunicipality(m: Municipality, p: Profile, options: AnalyzeOptions = {}): MunicipalAnalysis {
  const ctx = buildContext(m, p);
  const passports = m.schools.map((s) => s.passport);
  const clusters = assignClusters(passports, p);
  const z = standardizedResults(ctx.index, p);
  const years = [
    ...new Set([...ctx.index.years, ...m.fiokoMarkers.map((f) => f.year), ...m.riskProfiles.map((r) => r.year)]),
  ].sort((a, b) => a - b);

  // Cluster positions per year: cluster id → year → login → z. (Index loops and forEach rather than
  // for…of over the schools: no iterator object per step in V8's interpreter, where a cold run spends it.)
  const zByCluster = new Map<string, Map<number, Map<string, number>>>();
  for (let i = 0; i < passports.length; i++) {
    const s = passports[i];
    const c = clusters.get(s.login)!;
    z.get(s.login)?.forEach((v, year) => {
      const byYear = zByCluster.get(c.id) ?? new Map<number, Map<string, number>>();
      const values = byYear.get(year) ?? new Map<string, number>();
      values.set(s.login, v.value);
      byYear.set(year, values);
      zByCluster.set(c.id, byYear);
    });
  }
  const minGroup = p.values["clusters.minSize"];
  const positions = new Map<string, QuantilePosition>(); // login|year
  const clusterRefs = new Map<string, ClusterReference>();
  for (let i = 0; i < passports.length; i++) {
    const s = passports[i];
    const c = clusters.get(s.login)!;
    const ref = clusterRefs.get(c.id) ?? { id: c.id, label: c.label, merged: c.merged, schools: [], byYear: [] };
    ref.schools.push(s.login);
    clusterRefs.set(c.id, ref);
  }
  // A quartile needs r2.minSchools schools with a value (revision 2026.2): a smaller cluster's
  // schools are placed among all the municipality's schools of the year instead.
  const minSchools = p.values["r2.minSchools"];
  const zByYear = new Map<number, Map<string, number>>();
  z.forEach((byYear, login) =>
    byYear.forEach((v, year) => {
      const values = zByYear.get(year) ?? new Map<string, number>();
      values.set(login, v.value);
      zByYear.set(year, values);
    }),
  );
  const municipalPositions = new Map<number, Map<string, QuantilePosition>>();
  const municipalPosition = (year: number, login: string): QuantilePosition | undefined => {
    let m = municipalPositions.get(year);
    if (!m)
      municipalPositions.set(
        year,
        (m = quantilePositions(
          zByYear.get(year) ?? new Map<string, number>(),
          p.values["r2.quantile"],
          p.values["stability.topQuantile"],
          minSchools,
          "municipality",
        )),
      );
    return m.get(login);
  };
  for (const [id, byYear] of zByCluster) {
    const ref = clusterRefs.get(id)!;
    for (const [year, values] of [...byYear].sort((a, b) => a[0] - b[0])) {
      if (values.size >= minSchools) {
        quantilePositions(
          values,
          p.values["r2.quantile"],
          p.values["stability.topQuantile"],
          minSchools,
          "cluster",
        ).forEach((pos, login) => positions.set(`${login}|${year}`, pos));
      } else {
        for (const login of values.keys()) {
          const pos = municipalPosition(year, login);
          if (pos) positions.set(`${login}|${year}`, pos);
        }
      }
      const list = [...values.values()];
      ref.byYear.push({
        year,
        schools: list.length,
        meanZ: list.reduce((a, b) => a + b, 0) / list.length,
        lowCut: lowerCut(list, p.values["r2.quantile"]),
        highCut: upperCut(list, p.values["stability.topQuantile"]),
      });
    }
  }
  const social = new Map<string, number>();
  for (let i = 0; i < passports.length; i++) {
    const s = passports[i];
    if (typeof s.socialIndex === "number" && Number.isFinite(s.socialIndex)) social.set(s.login, s.socialIndex);
  }
  const socialPos = quantilePositions(social, p.values["r4.quantile"], p.values["r4.quantile"], minGroup);

  const latest = years.length ? years[years.length - 1] : null;
  const analyzeSchool = (s: Municipality["schools"][number]): SchoolAnalysis => {
    const login = s.passport.login;
    const cluster = clusters.get(login)!;
    const units = ctx.index.bySchool.get(login) ?? new Map();
    const signs = schoolSigns(s, ctx);
    const stabilityInput = new Map<number, StabilityYearInput>();
    const yearResults: SchoolYearAnalysis[] = years.map((year) => {
      const list = signs.get(year) ?? [];
      const fired = firedSignIds(list) as SignId[];
      const pos = positions.get(`${login}|${year}`) ?? null;
      const zy = z.get(login)?.get(year) ?? null;
      const factors = [
        factorR1(units, year, p),
        factorR2(pos ?? undefined, zy ?? undefined, cluster.label, p, m.name),
        factorR3(units, year, p),
        factorR4(socialPos.get(login), s.passport.socialIndex, m.name, p),
        factorR5(ctx.riskProfiles.size ? ctx.riskProfiles.get(`${login}|${year}`) : undefined, p),
        factorR6(fired),
      ];
      const risk = combineRisk(year, factors, p);
      stabilityInput.set(year, {
        low: factors[0].fired || factors[1].fired,
        lowData: factors[0].hasData || factors[1].hasData,
        top: pos && pos.compared ? pos.upper : null,
        signs: fired.length > 0,
        z: zy ? zy.value : null,
      });
      return { year, signs: list, firedSigns: fired, risk, standardized: zy, clusterPosition: pos };
    });
    return {
      login,
      name: s.passport.shortName || s.passport.name,
      type: s.passport.type,
      location: s.passport.location,
      cluster,
      years: yearResults,
      stableAbsence: latest === null ? null : stableAbsence(signs, latest, p),
      stability: latest === null ? null : stability(stabilityInput, latest, p),
      minThreshold: minThresholdDynamics(units.values()),
    };
  };
  const onSchool = options.onSchool;
  const schools: SchoolAnalysis[] = onSchool ? [] : m.schools.map(analyzeSchool);
  if (onSchool) m.schools.forEach((s) => onSchool(analyzeSchool(s)));

  const references: MunicipalUnitReference[] = [...ctx.index.pooled.values()]
    .map((u) => ({
      procedure: u.procedure,
      year: u.year,
      grade: u.grade,
      subject: u.subject,
      schools: ctx.index.schoolsOf.get(u.key)?.length ?? 0,
      n: u.n,
      quality: unitQuality(u),
      belowShare: unitBelowShare(u),
      mismatchShare: u.journal && u.journal.n > 0 ? ((u.journal.lowered + u.journal.raised) * 100) / u.journal.n : null,
    }))
    .sort(
      (a, b) =>
        a.year - b.year ||
        compareText(a.procedure, b.procedure) ||
        a.grade - b.grade ||
        compareText(a.subject, b.subject),
    );

  return {
    municipality: m.name,
    profileVersion: p.version,
    years,
    latestYear: latest,
    schools,
    clusters: [...clusterRefs.values()],
    references,
    minThreshold: minThresholdDynamics(ctx.index.pooled.values()),
  };
}
