/**
 * Many cells call the analysis functions with the same large range: the whole analysis runs
 * once per distinct input and every cell is answered from a small LRU cache (8 entries) keyed
 * by a fingerprint of the range's contents and the profile. The fingerprint is two 32-bit hashes
 * over every cell (numbers by their bits, strings by a memoised hash): O(cells), no text per cell.
 *
 * A thousand cells over one 75,000-row table must not pay that O(cells) a thousand times (issue 23:
 * hashing was 4× the analysis itself), so the fingerprint is computed once per distinct array
 * object and remembered in a WeakMap. That is only sound if the array cannot change afterwards:
 * the range (outer array and every row) is frozen when it is first hashed, so "same object" proves
 * "same contents" — an edit in place throws instead of ever returning a stale answer, and an edit
 * in Excel arrives as a new array, hashed in full. Ranges holding non-primitive cells (which
 * freezing the rows would not protect) are hashed on every call.
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

// Numbers are hashed by their bits, strings by a memoised hash (tables repeat the same subjects,
// procedures and logins thousands of times), so no text is built per cell. Every cell is still
// hashed: a changed cell anywhere in the range must change the key.
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);
const stringHashes = new Map<string, number>();
const MAX_MEMO = 50_000;

function stringHash(s: string): number {
  let h = stringHashes.get(s);
  if (h !== undefined) return h;
  h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  if (stringHashes.size >= MAX_MEMO) stringHashes.clear();
  stringHashes.set(s, h);
  return h;
}

/** Fingerprint of a range (any[][]) plus extra text (e.g. the default school). O(cells), no allocation per cell. */
export function fingerprint(range: unknown, extra = ""): string {
  return hashRange(range, extra).key;
}

function hashRange(range: unknown, extra: string): { key: string; primitive: boolean } {
  let primitive = true;
  let h1 = 0x811c9dc5;
  let h2 = 0x5bd1e995;
  let cells = 0;
  const rows = Array.isArray(range) ? range : [[range]];
  for (const row of rows) {
    const cols = Array.isArray(row) ? row : [row];
    for (let c = 0; c < cols.length; c++) {
      const v = cols[c];
      // Two words per cell: the value's bits (or its string hash) and a type tag.
      let a: number;
      let b: number;
      if (v === null || v === undefined || v === "") {
        a = 1;
        b = 0;
      } else if (typeof v === "number") {
        bits[0] = v;
        a = words[0];
        b = words[1] ^ 2;
      } else if (typeof v === "string") {
        a = stringHash(v);
        b = 5;
      } else if (typeof v === "boolean") {
        a = v ? 3 : 4;
        b = 0;
      } else {
        a = stringHash(JSON.stringify(v));
        b = 6;
        primitive = false;
      }
      h1 = Math.imul(Math.imul(h1 ^ a, 0x01000193) ^ b, 0x01000193);
      h2 = Math.imul(h2 ^ a, 0x5bd1e995) ^ (h2 >>> 13);
      h2 = Math.imul(h2 ^ b, 0x5bd1e995) ^ (h2 >>> 15);
      cells++;
    }
    h1 = Math.imul(h1 ^ 0x1e, 0x01000193); // row separator
    h2 = Math.imul(h2 ^ 0x1e, 0x5bd1e995);
  }
  const e = stringHash(extra);
  h1 = Math.imul(h1 ^ e, 0x01000193);
  h2 = Math.imul(h2 ^ e, 0x5bd1e995);
  return { key: `${rows.length}:${cells}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`, primitive };
}

/** Fingerprints of ranges already hashed, by array object; such ranges are frozen (see the header). */
const byObject = new WeakMap<object, string>();
let fullHashes = 0;

/** How many ranges were hashed cell by cell (for tests: repeated calls with one array hash it once). */
export function fullHashCount(): number {
  return fullHashes;
}

/** Freezes the range and its rows so that the remembered fingerprint stays true. O(rows). */
function freezeRange(range: unknown[]): void {
  for (const row of range) if (Array.isArray(row)) Object.freeze(row);
  Object.freeze(range);
}

/** Fingerprint of a range without extra text: hashed once per array object, then looked up. */
export function rangeFingerprint(range: unknown): string {
  if (!Array.isArray(range)) return fingerprint(range);
  const known = byObject.get(range);
  if (known !== undefined) return known;
  fullHashes++;
  const { key, primitive } = hashRange(range, "");
  if (primitive) {
    freezeRange(range);
    byObject.set(range, key);
  }
  return key;
}

/**
 * A tiny LRU: Map keeps insertion order, so the first key is the least recently used. Entries may
 * carry a weight (the analysis's data cells): the total is kept under `maxWeight` so eight cached
 * analyses of huge tables cannot exhaust memory; the newest entry always stays.
 */
export class LruCache<V> {
  private readonly map = new Map<string, { v: V; weight: number }>();
  private weight = 0;
  constructor(
    private readonly size = CACHE_SIZE,
    private readonly maxWeight = Infinity,
  ) {}

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e !== undefined) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e?.v;
  }

  set(key: string, v: V, weight = 0): void {
    this.delete(key);
    this.map.set(key, { v, weight });
    this.weight += weight;
    while (this.map.size > this.size || (this.map.size > 1 && this.weight > this.maxWeight))
      this.delete(this.map.keys().next().value as string);
  }

  private delete(key: string): void {
    const e = this.map.get(key);
    if (e === undefined) return;
    this.weight -= e.weight;
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
    this.weight = 0;
  }

  get length(): number {
    return this.map.size;
  }

  /** Sum of the weights of the entries held. */
  get totalWeight(): number {
    return this.weight;
  }
}

/** Key of a range's analysis under a profile; `extra` is text that changes the answer too (kept apart from the range's hash). */
export function cacheKey(range: unknown, extra: string, p: Profile): string {
  return `${profileId(p)}|${rangeFingerprint(range)}|${extra}`;
}
