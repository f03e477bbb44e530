"use strict";
// Preloaded with `node --require` when /usr/bin/time is missing: records the process's peak RSS
// (kilobytes) into $SIT_BENCH_RSS_FILE as it exits.
const file = process.env.SIT_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      require("node:fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // Measuring must never change the measured command's outcome.
    }
  });
}
