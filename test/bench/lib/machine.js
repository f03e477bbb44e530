"use strict";
const { execFileSync } = require("node:child_process");
const os = require("node:os");

/** The machine the numbers belong to. */
function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** The sit commit being measured, and whether src/ has uncommitted changes. */
function gitInfo(repoRoot) {
  const git = (...args) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    return { commit: git("rev-parse", "--short", "HEAD"), srcDirty: git("status", "--porcelain", "--", "src").length > 0 };
  } catch {
    return { commit: null, srcDirty: null };
  }
}

module.exports = { machineInfo, gitInfo };
