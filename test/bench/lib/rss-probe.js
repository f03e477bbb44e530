"use strict";
// Preloaded with `node --require` when /usr/bin/time is missing: records the process's peak RSS
// (kilobytes) and CPU time (user + system, microseconds) into $SIT_BENCH_RSS_FILE as it exits.
const file = process.env.SIT_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      const usage = process.resourceUsage();
      require("node:fs").writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
    } catch {
      // Measuring must never change the measured command's outcome.
    }
  });
}
