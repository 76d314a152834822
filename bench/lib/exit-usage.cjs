// Preloaded (`node --require`) into a measured command: when the process exits it writes, to the file
// named by MSOKO_BENCH_USAGE, its CPU time (user + system of all its threads since the process started,
// Node's own start included), its wall time since it started and its peak resident memory. The command
// itself runs unchanged (bin/msoko.mjs, as a user starts it).
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const u = process.cpuUsage();
  writeFileSync(
    process.env.MSOKO_BENCH_USAGE,
    JSON.stringify({
      cpuMs: (u.user + u.system) / 1000,
      ms: performance.now(),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
});
