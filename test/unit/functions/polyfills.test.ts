/**
 * The polyfills for EdgeHTML 18 and Safari 14.0 (src/functions/polyfills.ts) behave like the native
 * features they stand in for, and never replace a native one.
 */
import { describe, expect, it } from "vitest";
import {
  flatMap,
  fromEntries,
  installPolyfills,
  matchAll,
  PollingResizeObserver,
  utf8Decode,
  utf8Encode,
} from "../../../src/functions/polyfills";

describe("polyfills", () => {
  it("UTF-8 encoding equals TextEncoder: ASCII, Cyrillic (2 bytes), € (3), 𝒜 (4), a lone surrogate → U+FFFD", () => {
    const s = "A «Ёж» 12,5 % € 𝒜 \ud800!";
    expect([...utf8Encode(s)]).toEqual([...new TextEncoder().encode(s)]);
    expect([...utf8Encode("Ё")]).toEqual([0xd0, 0x81]);
    expect([...utf8Encode("𝒜")]).toEqual([0xf0, 0x9d, 0x92, 0x9c]);
  });

  it("UTF-8 decoding equals TextDecoder, including a BOM, truncated and invalid sequences", () => {
    const cases = [
      [0xef, 0xbb, 0xbf, 0xd0, 0x81, 0x20, 0xe2, 0x82, 0xac],
      [0xf0, 0x9d, 0x92, 0x9c, 0x41],
      [0xd0], // truncated two-byte sequence
      [0xc0, 0x80, 0x41], // overlong encoding
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xff, 0x41],
    ];
    for (const bytes of cases) {
      const u8 = new Uint8Array(bytes);
      expect(utf8Decode(u8), JSON.stringify(bytes)).toBe(new TextDecoder().decode(u8));
    }
    expect(utf8Decode(new Uint8Array([0x41, 0x42, 0x43]).subarray(1))).toBe("BC");
    expect(utf8Decode(new Uint8Array([0xd0, 0x81]).buffer)).toBe("Ё");
    expect(utf8Decode(undefined)).toBe("");
    const long = "Ж".repeat(20_000);
    expect(utf8Decode(utf8Encode(long))).toBe(long);
  });

  it("Object.fromEntries, flatMap and matchAll as the natives", () => {
    expect(
      fromEntries([
        ["a", 1],
        ["b", null],
      ]),
    ).toEqual({ a: 1, b: null });
    expect(fromEntries(new Map([["x", 2]]))).toEqual({ x: 2 });
    expect(
      flatMap.call<number[], [(x: number) => (number | number[])[]], (number | number[])[]>([1, 2, 3], (x) =>
        x === 2 ? [] : [x, [x * 10]],
      ),
    ).toEqual([1, [10], 3, [30]]);
    expect(
      flatMap.call<string[], [(x: string, i: number) => string], string[]>(["a", "b"], (x, i) => `${x}${i}`),
    ).toEqual(["a0", "b1"]);
    const re = /(20\d\d)/g;
    const got = [...matchAll.call("2024/2025 и 1999", re)].map((m) => [m[1], m.index]);
    expect(got).toEqual([
      ["2024", 0],
      ["2025", 5],
    ]);
    expect(re.lastIndex).toBe(0);
    expect([...matchAll.call("aXbX", "X")].map((m) => m.index)).toEqual([1, 3]);
    expect([...matchAll.call("abc", /(?:)/g)].length).toBe(4);
    expect(() => matchAll.call("abc", /a/)).toThrow(TypeError);
  });

  it("installs what a bare global lacks and nothing where everything exists", () => {
    expect(installPolyfills(globalThis as unknown as Record<string, unknown>)).toEqual([]);
    const bare: Record<string, unknown> = {
      Object: { prototype: {} },
      Array: { prototype: {} },
      String: { prototype: {} },
      document: {},
    };
    expect(installPolyfills(bare)).toEqual([
      "Object.fromEntries",
      "Array.prototype.flatMap",
      "String.prototype.matchAll",
      "String.prototype.trimStart",
      "String.prototype.trimEnd",
      "TextEncoder",
      "TextDecoder",
      "WeakRef",
      "ResizeObserver",
    ]);
    const strPrototype = (bare.String as { prototype: Record<string, (this: string) => string> }).prototype;
    expect(strPrototype.trimStart.call("  a ")).toBe("a ");
    expect(strPrototype.trimEnd.call("  a \u00a0")).toBe("  a");
    const WeakRefLike = bare.WeakRef as new (o: object) => { deref(): object };
    const target = {};
    expect(new WeakRefLike(target).deref()).toBe(target);
    const Decoder = bare.TextDecoder as new (label?: string) => { decode(b: Uint8Array): string };
    expect(new Decoder().decode(new Uint8Array([0xd0, 0x81]))).toBe("Ё");
    expect(() => new Decoder("windows-1251")).toThrow("кодировка «windows-1251» не поддерживается");
  });

  it("the resize observer reports a target once per size change", () => {
    const sizes = [
      { width: 320, height: 100 },
      { width: 320, height: 100 },
      { width: 300, height: 100 },
    ];
    let call = 0;
    const el = { getBoundingClientRect: () => sizes[Math.min(call++, sizes.length - 1)] } as unknown as Element;
    const seen: number[] = [];
    const ro = new PollingResizeObserver((entries) => entries.forEach((e) => seen.push(e.contentRect.width)));
    ro.observe(el);
    ro.check();
    ro.check();
    ro.check();
    expect(seen).toEqual([320, 300]);
    ro.disconnect();
    ro.check();
    expect(seen).toEqual([320, 300]);
  });
});
