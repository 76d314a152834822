/**
 * Many cells call the analysis functions with the same large range: the whole analysis runs
 * once per distinct input and every cell is answered from a small LRU cache (8 entries) keyed
 * by a fingerprint of the range's contents and the profile. The fingerprint is two 32-bit FNV-1a
 * hashes over the cells' text, O(cells) and far cheaper than parsing and analysing.
 */
import type { Profile } from "../core/profile";

export const CACHE_SIZE = 8;

const profileIds = new WeakMap<Profile, number>();
let nextProfileId = 1;

function profileId(p: Profile): number {
  let id = profileIds.get(p);
  if (id === undefined) {
    id = nextProfileId++;
    profileIds.set(p, id);
  }
  return id;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return typeof v === "number" ? `#${v}` : String(v);
}

/** Fingerprint of a range (any[][]) plus extra text (e.g. the default school). */
export function fingerprint(range: unknown, extra = ""): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  let cells = 0;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193); // cell separator
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  };
  const rows = Array.isArray(range) ? range : [[range]];
  for (const row of rows) {
    const cols = Array.isArray(row) ? row : [row];
    for (const v of cols) {
      feed(cellText(v));
      cells++;
    }
    h1 = Math.imul(h1 ^ 0x1e, 0x01000193); // row separator
  }
  feed(extra);
  return `${rows.length}:${cells}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

/** A tiny LRU: Map keeps insertion order, so the first key is the least recently used. */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size = CACHE_SIZE) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }

  clear(): void {
    this.map.clear();
  }

  get length(): number {
    return this.map.size;
  }
}

export function cacheKey(range: unknown, extra: string, p: Profile): string {
  return `${profileId(p)}|${fingerprint(range, extra)}`;
}
