import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";

describe("msoko calc", () => {
  it("prints the acceptance values", async () => {
    const io = memoryIo();
    expect(await main(["calc", "SOU", "[[5,10,8,2]]"], io)).toBe(0);
    expect(io.stdout).toEqual(["58.4"]);
  });
  it("prints the Russian error and exits 1", async () => {
    const io = memoryIo();
    expect(await main(["calc", "QUALITY", '[["5"],["abc"]]'], io)).toBe(1);
    expect(io.stderr[0]).toContain("#ЗНАЧ! Значение «abc» в строке 2, столбце 1");
  });
  it("refuses unknown functions, commands and bad JSON with exit 2", async () => {
    const io = memoryIo();
    expect(await main(["calc", "NOPE", "1"], io)).toBe(2);
    expect(await main(["nope"], io)).toBe(2);
    expect(await main(["calc", "SOU", "[[5,"], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain("не является JSON");
  });
  it("takes plain text for a cell and an empty argument as omitted", async () => {
    const io = memoryIo();
    expect(await main(["calc", "CONFIRM", "[[10,30,10]]", "", "понизили"], io)).toBe(0);
    expect(io.stdout).toEqual(["20"]);
  });
  it("runs as `npx msoko` from a shell", () => {
    const out = execFileSync("node", ["bin/msoko.mjs", "calc", "КАЧЕСТВО", '[["5"],["4"],["3,0"],[""],["н/а"]]'], {
      encoding: "utf8",
    });
    expect(Number(out.trim())).toBeCloseTo(66.6667, 4);
    const bad = spawnSync("node", ["bin/msoko.mjs", "calc", "SOU", "[[5,-1,8,2]]"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("строке 1, столбце 2");
  });
});
