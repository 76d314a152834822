/**
 * Everything the rules share for one municipality and profile, built once: the unit index,
 * the references, task sets by unit, pooled olympiad shares and FIOKO data by school.
 */
import type { FiokoMarker, Municipality, RiskProfile, TaskSet } from "../model";
import type { Profile } from "../profile";
import { municipalOlympiadShares, type MunicipalOlympiadShares } from "./olympiads";
import { References } from "./references";
import { buildUnitIndex, canonical, unitKey, type UnitIndex } from "./units";

export interface AnalysisContext {
  m: Municipality;
  p: Profile;
  index: UnitIndex;
  refs: References;
  /** Unit key → the first task set given for it (by any school: the test is the same). */
  taskSets: Map<string, TaskSet>;
  olympiads: Map<number, MunicipalOlympiadShares>;
  markers: Map<string, FiokoMarker[]>;
  riskProfiles: Map<string, RiskProfile>;
}

function group<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const l = out.get(k);
    if (l) l.push(t);
    else out.set(k, [t]);
  }
  return out;
}

export function buildContext(m: Municipality, p: Profile): AnalysisContext {
  const index = buildUnitIndex(m, p);
  const taskSets = new Map<string, TaskSet>();
  for (const s of m.schools) {
    for (const t of s.tasks) {
      const key = unitKey(t.procedure, t.year, t.grade, canonical(t.subject));
      if (!taskSets.has(key)) taskSets.set(key, t);
    }
  }
  const riskProfiles = new Map<string, RiskProfile>();
  for (const r of m.riskProfiles) riskProfiles.set(`${r.login}|${r.year}`, r);
  return {
    m,
    p,
    index,
    refs: new References(m, index),
    taskSets,
    olympiads: municipalOlympiadShares(m.schools),
    markers: group(m.fiokoMarkers, (f) => f.login),
    riskProfiles,
  };
}
