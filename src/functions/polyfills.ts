/**
 * Run-time features the bundles call that the oldest webviews running the pane lack: EdgeHTML 18
 * (Microsoft 365 on Windows 10 without WebView2) and Safari 14.0. Syntax is lowered by the build
 * (webpack.config.js); library functions cannot be, so the few the emitted code calls are added
 * here, each only where it is missing. The list comes from scanning dist/*.js (docs/compatibility.md):
 *
 *   globalThis, Object.fromEntries, Array.prototype.flatMap, String.prototype.matchAll,
 *   trimStart/trimEnd, TextEncoder/TextDecoder (UTF-8)       — EdgeHTML 18;
 *   WeakRef (focus management of Fluent UI: tabster, keyborg) — EdgeHTML 18 and Safari 14.0;
 *   ResizeObserver (Fluent UI layout helpers)                 — EdgeHTML 18.
 *
 * Loaded first by the functions bundle, which taskpane.html loads before the pane. In Node, modern
 * browsers and Excel's WebView2 every check finds the native feature and nothing is replaced.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

type Global = Record<string, any>;

/** Defines a missing method the way built-ins are defined (non-enumerable, writable). */
function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

export function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>): Record<PropertyKey, unknown> {
  const out: Record<PropertyKey, unknown> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
}

export function flatMap<T, U>(
  this: T[],
  fn: (value: T, index: number, array: T[]) => U | readonly U[],
  thisArg?: unknown,
): U[] {
  const out: U[] = [];
  for (let i = 0; i < this.length; i++) {
    const r = fn.call(thisArg, this[i], i, this);
    if (Array.isArray(r)) for (const x of r) out.push(x);
    else out.push(r as U);
  }
  return out;
}

/** String.prototype.matchAll: every match of a global regex, from a copy (the regex is not moved). */
export function matchAll(this: string, pattern: RegExp | string): IterableIterator<RegExpExecArray> {
  const re = typeof pattern === "string" ? new RegExp(pattern, "g") : pattern;
  if (!re.global) throw new TypeError("String.prototype.matchAll: регулярное выражение должно быть с флагом g");
  const copy = new RegExp(re.source, re.flags);
  copy.lastIndex = re.lastIndex;
  const text = String(this);
  const matches: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = copy.exec(text)) !== null) {
    matches.push(m);
    if (m[0] === "") copy.lastIndex++; // an empty match would repeat forever
  }
  return matches[Symbol.iterator]() as IterableIterator<RegExpExecArray>;
}

/** UTF-8 bytes of a string; lone surrogates become U+FFFD, as TextEncoder does. */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

/** Text of UTF-8 bytes; a malformed sequence becomes U+FFFD, a leading BOM is dropped (as TextDecoder). */
export function utf8Decode(input: ArrayBuffer | ArrayBufferView | undefined): string {
  if (!input) return "";
  const b =
    input instanceof ArrayBuffer
      ? new Uint8Array(input)
      : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let out = "";
  let chunk: number[] = [];
  const flush = () => {
    out += String.fromCharCode.apply(null, chunk);
    chunk = [];
  };
  let i = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length) {
    const c = b[i];
    let cp = 0xfffd;
    let len = 1;
    const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c <= 0xdf && cont(1)) {
      cp = ((c & 31) << 6) | (b[i + 1] & 63);
      len = 2;
    } else if (c >= 0xe0 && c <= 0xef && cont(1) && cont(2)) {
      const v = ((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
        cp = v;
        len = 3;
      }
    } else if (c >= 0xf0 && c <= 0xf4 && cont(1) && cont(2) && cont(3)) {
      const v = ((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63);
      if (v >= 0x10000 && v <= 0x10ffff) {
        cp = v;
        len = 4;
      }
    }
    if (cp >= 0x10000) chunk.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 1023));
    else chunk.push(cp);
    if (chunk.length > 8192) flush();
    i += len;
  }
  flush();
  return out;
}

class Utf8Encoder {
  readonly encoding = "utf-8";
  encode(s = ""): Uint8Array {
    return utf8Encode(String(s));
  }
}

class Utf8Decoder {
  readonly encoding = "utf-8";
  constructor(label = "utf-8") {
    if (!/^\s*(utf-?8|unicode-1-1-utf-8)\s*$/i.test(label))
      throw new RangeError(`TextDecoder: кодировка «${label}» не поддерживается, только UTF-8`);
  }
  decode(input?: ArrayBuffer | ArrayBufferView): string {
    return utf8Decode(input);
  }
}

/** Holds its target strongly: no garbage collection of focus bookkeeping, which the pane can afford. */
class StrongRef<T extends object> {
  constructor(private readonly target: T) {}
  deref(): T | undefined {
    return this.target;
  }
}

/**
 * ResizeObserver by polling sizes on window resize and every animation frame while something is
 * observed; callbacks get entries with `target` and `contentRect` like the real one.
 */
export class PollingResizeObserver {
  private static readonly all = new Set<PollingResizeObserver>();
  private static scheduled = false;
  private readonly sizes = new Map<Element, string>();

  constructor(
    private readonly callback: (
      entries: { target: Element; contentRect: DOMRectReadOnly }[],
      observer: unknown,
    ) => void,
  ) {}

  observe(target: Element): void {
    this.sizes.set(target, "");
    PollingResizeObserver.all.add(this);
    PollingResizeObserver.schedule();
  }
  unobserve(target: Element): void {
    this.sizes.delete(target);
    if (this.sizes.size === 0) PollingResizeObserver.all.delete(this);
  }
  disconnect(): void {
    this.sizes.clear();
    PollingResizeObserver.all.delete(this);
  }

  /** Calls back for the targets whose size changed since the last check. */
  check(): void {
    const entries: { target: Element; contentRect: DOMRectReadOnly }[] = [];
    this.sizes.forEach((last, target) => {
      const r = target.getBoundingClientRect();
      const key = `${r.width}x${r.height}`;
      if (key !== last) {
        this.sizes.set(target, key);
        entries.push({ target, contentRect: r });
      }
    });
    if (entries.length) this.callback(entries, this);
  }

  private static schedule(): void {
    const g = globalThis as Global;
    if (PollingResizeObserver.scheduled || typeof g.requestAnimationFrame !== "function") return;
    PollingResizeObserver.scheduled = true;
    g.requestAnimationFrame(() => {
      PollingResizeObserver.scheduled = false;
      PollingResizeObserver.all.forEach((o) => o.check());
      if (PollingResizeObserver.all.size) PollingResizeObserver.schedule();
    });
  }
}

/** Adds what `g` (the global object) lacks. Returns the names it added, for the tests. */
export function installPolyfills(g: Global): string[] {
  const added: string[] = [];
  const add = (target: object, name: string, value: unknown, label = name) => {
    if (name in target) return;
    define(target, name, value);
    added.push(label);
  };
  add(g.Object, "fromEntries", fromEntries, "Object.fromEntries");
  add(g.Array.prototype, "flatMap", flatMap, "Array.prototype.flatMap");
  add(g.String.prototype, "matchAll", matchAll, "String.prototype.matchAll");
  add(
    g.String.prototype,
    "trimStart",
    function (this: string) {
      return String(this).replace(/^\s+/, "");
    },
    "String.prototype.trimStart",
  );
  add(
    g.String.prototype,
    "trimEnd",
    function (this: string) {
      return String(this).replace(/\s+$/, "");
    },
    "String.prototype.trimEnd",
  );
  add(g, "TextEncoder", Utf8Encoder);
  add(g, "TextDecoder", Utf8Decoder);
  add(g, "WeakRef", StrongRef);
  if (typeof g.document !== "undefined") add(g, "ResizeObserver", PollingResizeObserver);
  return added;
}

/** The global object without `globalThis` (EdgeHTML 18 has no globalThis). */
function globalObject(): Global {
  if (typeof globalThis !== "undefined") return globalThis as Global;
  if (typeof self !== "undefined") return self as unknown as Global;
  if (typeof window !== "undefined") return window as unknown as Global;
  return Function("return this")() as Global;
}

const g = globalObject();
if (!("globalThis" in g)) define(g, "globalThis", g);
installPolyfills(g);
