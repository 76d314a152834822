/**
 * Clusters of like schools (§6, Magdagachi §3.3): type group × location, split into municipal
 * terciles of the social context index where it is given and clusters.socialTerciles is on.
 * Schools without an index stay unsplit. A cluster smaller than clusters.minSize merges with the
 * other clusters of its type (revision 2026.2: the whole type group, because a quartile needs at
 * least 4 schools and a merged remainder of 2–3 schools is no better): every school of that type
 * group goes to the cluster "<type group> (объединённый)".
 * Terciles: with k schools having an index, tercile = min(3, 1 + ⌊3·below/k⌋), below = schools
 * with a strictly lower index (1 — the least favourable conditions).
 */
import type { SchoolPassport, SchoolType } from "../model";
import type { Profile } from "../profile";

export const TYPE_GROUPS: Readonly<Record<SchoolType, string>> = {
  НОШ: "НОШ",
  ООШ: "ООШ",
  СОШ: "СОШ",
  "СОШ с УИОП": "СОШ с УИОП, гимназии, лицеи",
  гимназия: "СОШ с УИОП, гимназии, лицеи",
  лицей: "СОШ с УИОП, гимназии, лицеи",
  вечерняя: "вечерние и коррекционные",
  коррекционная: "вечерние и коррекционные",
  // Kindergartens have no results of procedures: their own group keeps them out of every school cluster.
  "детский сад": "дошкольные образовательные организации",
};

export interface ClusterAssignment {
  id: string;
  /** Russian label shown beside every comparison. */
  label: string;
  typeGroup: string;
  location?: string;
  tercile?: 1 | 2 | 3;
  /** True when the school's own cluster was too small and merged into its type group. */
  merged: boolean;
  size: number;
}

const TERCILE_LABELS = [
  "",
  "нижняя треть индекса соц. контекста",
  "средняя треть индекса соц. контекста",
  "верхняя треть индекса соц. контекста",
];

export function socialTerciles(passports: readonly SchoolPassport[]): Map<string, 1 | 2 | 3> {
  const withIndex = passports.filter((s) => typeof s.socialIndex === "number" && Number.isFinite(s.socialIndex));
  const sorted = withIndex.map((s) => s.socialIndex as number).sort((a, b) => a - b);
  const k = sorted.length;
  const out = new Map<string, 1 | 2 | 3>();
  for (const s of withIndex) {
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < (s.socialIndex as number)) lo = mid + 1;
      else hi = mid;
    }
    out.set(s.login, Math.min(3, 1 + Math.floor((3 * lo) / k)) as 1 | 2 | 3);
  }
  return out;
}

export function assignClusters(passports: readonly SchoolPassport[], p: Profile): Map<string, ClusterAssignment> {
  const terciles = p.values["clusters.socialTerciles"] ? socialTerciles(passports) : new Map<string, 1 | 2 | 3>();
  const first = new Map<string, ClusterAssignment>();
  const members = new Map<string, string[]>();
  // Index loops and forEach rather than for…of: no iterator object per school (a cold run executes
  // this in V8's interpreter).
  for (let i = 0; i < passports.length; i++) {
    const s = passports[i];
    const group = TYPE_GROUPS[s.type] ?? s.type;
    const t = terciles.get(s.login);
    const id = [group, s.location, t ?? ""].join("|");
    const label = `${group}, ${s.location}${t ? `, ${TERCILE_LABELS[t]}` : ""}`;
    first.set(s.login, { id, label, typeGroup: group, location: s.location, tercile: t, merged: false, size: 0 });
    const list = members.get(id);
    if (list) list.push(s.login);
    else members.set(id, [s.login]);
  }
  const minSize = p.values["clusters.minSize"];
  const mergedGroups = new Map<string, number>(); // type group → its schools
  first.forEach((c) => {
    if ((members.get(c.id)?.length ?? 0) < minSize) mergedGroups.set(c.typeGroup, 0);
  });
  first.forEach((c) => {
    if (mergedGroups.has(c.typeGroup)) mergedGroups.set(c.typeGroup, mergedGroups.get(c.typeGroup)! + 1);
  });
  const out = new Map<string, ClusterAssignment>();
  first.forEach((c, login) => {
    const size = mergedGroups.get(c.typeGroup);
    if (size === undefined) out.set(login, { ...c, size: members.get(c.id)!.length });
    else
      out.set(login, {
        id: `${c.typeGroup}|объединённый`,
        label: `${c.typeGroup} (объединённый кластер)`,
        typeGroup: c.typeGroup,
        merged: true,
        size,
      });
  });
  return out;
}
