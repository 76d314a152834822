/**
 * Directions 3–8 in the summary's JSON (`msoko-summary/1`): `directions` for the municipality
 * (verdicts, indicators with targets, bands, clusters) and per school (its indicators and the
 * shortfalls with their sentences), from the same assessment the sheets show.
 */
import type { DirectionAssessment, GroupValue, UnitValue } from "../../core/direction-assessment";
import type { DirectionFinding } from "../../core/direction-findings";
import { clean } from "./table";

export interface IndicatorValueJson {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  previous: number | null;
  dynamics: number | null;
  level: string | null;
  /** Target reached; null when not assessed (no data or too small a denominator). */
  met: boolean | null;
}

export interface DirectionsJson {
  year: number | null;
  directions: {
    direction: number;
    name: string;
    verdict: string;
    schoolsAssessed: number;
    schoolsMet: number;
    indicators: (IndicatorValueJson & {
      id: string;
      name: string;
      unit: string;
      better: "higher" | "lower";
      target: number;
      bands: number[];
      schoolsAssessed: number;
      schoolsMet: number;
      clusters: (IndicatorValueJson & { cluster: string; schoolsAssessed: number; schoolsMet: number })[];
    })[];
  }[];
}

export interface SchoolDirectionsJson {
  year: number | null;
  indicators: (IndicatorValueJson & { direction: number; id: string; target: number })[];
  findings: Omit<DirectionFinding, "school">[];
}

function valueJson(u: UnitValue): IndicatorValueJson {
  return {
    value: clean(u.value),
    numerator: clean(u.numerator),
    denominator: clean(u.denominator),
    previous: clean(u.previous),
    dynamics: clean(u.dynamics),
    level: u.level,
    met: u.met,
  };
}

function groupJson(g: GroupValue) {
  return { ...valueJson(g), schoolsAssessed: g.schoolsAssessed, schoolsMet: g.schoolsMet };
}

export function directionsJson(assessments: readonly DirectionAssessment[], year: number | null): DirectionsJson {
  return {
    year,
    directions: assessments.map((d) => ({
      direction: d.direction,
      name: d.name,
      verdict: d.verdict,
      schoolsAssessed: d.schoolsAssessed,
      schoolsMet: d.schoolsMet,
      indicators: d.indicators.map((a) => ({
        id: a.indicator.id,
        name: a.indicator.name,
        unit: a.indicator.unit,
        better: a.indicator.better,
        target: a.target,
        bands: [...a.bands],
        ...groupJson(a.municipality),
        clusters: [...a.clusters].map(([cluster, g]) => ({ cluster, ...groupJson(g) })),
      })),
    })),
  };
}

export function schoolDirectionsJson(
  login: string,
  assessments: readonly DirectionAssessment[],
  /** The school's own findings. */
  findings: readonly DirectionFinding[],
  year: number | null,
): SchoolDirectionsJson {
  const indicators: SchoolDirectionsJson["indicators"] = [];
  for (const d of assessments)
    for (const a of d.indicators) {
      const u = a.schools.get(login);
      if (u && u.value !== null)
        indicators.push({ direction: d.direction, id: a.indicator.id, target: a.target, ...valueJson(u) });
    }
  return {
    year,
    indicators,
    findings: findings.map((f) => {
      const { school: _school, ...rest } = f;
      void _school;
      return rest;
    }),
  };
}
