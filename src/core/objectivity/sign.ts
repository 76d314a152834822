/**
 * The result of one objectivity sign (§3) for one school and one test or year: whether it was
 * evaluated, whether it fired, and the evidence an explanation needs (numbers, thresholds with
 * their parameter keys, the reference and the provenance). A sign is never a verdict.
 */
import type { Procedure } from "../model";
import type { ParamKey, Profile, Tag } from "../profile";
import { tagOf } from "../profile";
import type { ReferenceKind } from "../context/references";

export type SignId = "O1" | "O2" | "O3" | "O4" | "O5" | "O6" | "O7" | "F";
export const SIGN_IDS: readonly SignId[] = ["O1", "O2", "O3", "O4", "O5", "O6", "O7", "F"];

export type ProvenanceTag = Tag | "OVERRIDE";

export interface ThresholdUsed {
  key: ParamKey;
  /** The scalar value; NaN for list parameters (see `list`). */
  value: number;
  /** Values of a list parameter (weights, level bands). */
  list?: number[];
  tag: ProvenanceTag;
}

export interface SignReference {
  kind: ReferenceKind;
  /** The reference's value the school is compared with (share, %, or a count). */
  value: number | null;
  n: number;
  name?: string;
  source?: string;
}

export interface SignResult {
  rule: SignId;
  fired: boolean;
  evaluated: boolean;
  reasonNotEvaluated?: string;
  year: number;
  procedure?: Procedure;
  grade?: number;
  subject?: string;
  className?: string;
  /** Participants the sign was computed on. */
  n?: number;
  numbers: Record<string, number>;
  threshold: ThresholdUsed[];
  reference?: SignReference;
  /** Provenance of the data and of the cut-offs, e.g. ["OFFICIAL*", "DEFAULT"]. */
  tags: ProvenanceTag[];
  /** O1: «понизили» — journal marks inflated; «повысили» — test marking inflated. */
  direction?: "понизили" | "повысили";
  /** Extra Russian remark shown in the explanation (e.g. an inferred scale). */
  note?: string;
}

// Profiles are frozen, so a threshold is built once per profile and key and shared (frozen) by
// every result that uses it — thousands of sign results would otherwise each allocate their own.
const thresholdCache = new WeakMap<Profile, Map<ParamKey, ThresholdUsed>>();
// The profile of the last call: an analysis asks for a dozen thresholds per school, all of one profile.
let lastProfile: Profile | undefined;
let lastByKey: Map<ParamKey, ThresholdUsed> | undefined;

/** A scalar threshold as used by a rule; list parameters carry `list`. The object is frozen. */
export function threshold(p: Profile, key: ParamKey): ThresholdUsed {
  let byKey = p === lastProfile ? lastByKey : thresholdCache.get(p);
  if (!byKey) thresholdCache.set(p, (byKey = new Map()));
  lastProfile = p;
  lastByKey = byKey;
  let t = byKey.get(key);
  if (!t) {
    const v = p.values[key];
    t = Object.freeze({
      key,
      value: typeof v === "number" ? v : NaN,
      tag: tagOf(p, key),
      ...(Array.isArray(v) ? { list: Object.freeze([...v]) as number[] } : {}),
    });
    byKey.set(key, t);
  }
  return t;
}

/** The thresholds a rule always uses (a module constant per rule) and the tag of its data. */
export interface RuleThresholds {
  dataTag: Tag;
  keys: readonly ParamKey[];
}

/** Those thresholds as results carry them, with the tags they give. */
export interface FixedThresholds {
  used: ThresholdUsed[];
  tags: ProvenanceTag[];
}

const fixedCache = new WeakMap<Profile, Map<RuleThresholds, FixedThresholds>>();

/**
 * The rule's thresholds and tagsOf(dataTag, them), made once per profile and rule and shared by
 * every result of the rule (both arrays frozen: results never change them). A region's analysis
 * would otherwise build the same two arrays for each of its thousands of school-years.
 */
export function fixedThresholds(p: Profile, rule: RuleThresholds): FixedThresholds {
  let byRule = fixedCache.get(p);
  if (!byRule) fixedCache.set(p, (byRule = new Map()));
  let fixed = byRule.get(rule);
  if (!fixed) {
    const used = rule.keys.map((k) => threshold(p, k));
    fixed = {
      used: Object.freeze(used) as ThresholdUsed[],
      tags: Object.freeze(tagsOf(rule.dataTag, used)) as ProvenanceTag[],
    };
    byRule.set(rule, fixed);
  }
  return fixed;
}

/** Data tag first, then the cut-offs' tags, without repeats. */
export function tagsOf(dataTag: Tag, used: readonly ThresholdUsed[]): ProvenanceTag[] {
  const out: ProvenanceTag[] = [dataTag];
  for (let i = 0; i < used.length; i++) if (!out.includes(used[i].tag)) out.push(used[i].tag);
  return out;
}

export function notEvaluated(
  base: Omit<SignResult, "fired" | "evaluated" | "numbers" | "threshold" | "tags"> & Partial<SignResult>,
  reason: string,
): SignResult {
  // The same object as { numbers: {}, threshold: [], tags: [], ...base, fired: false, … } (same keys in
  // the same order); Object.assign copies `base` faster than a spread after literal keys on a cold run.
  const out: SignResult = Object.assign({ numbers: {}, threshold: [], tags: [] }, base) as SignResult;
  out.fired = false;
  out.evaluated = false;
  out.reasonNotEvaluated = reason;
  return out;
}
