import fc from "fast-check";

/**
 * Every fast-check property of the suite starts from one fixed seed, so `npm test` gives the same
 * verdict on every run. `npm run explore-seeds` runs the properties from new random seeds
 * (SIT_PROPERTY_SEED=random); SIT_PROPERTY_SEED=<seed> replays the seed a failure printed.
 * Loaded before each test file by jest.config.js (`setupFiles`).
 */
const FIXED_SEED = 20261217;

const setting = process.env["SIT_PROPERTY_SEED"] ?? "";
if (setting !== "random") {
  const seed = setting === "" ? FIXED_SEED : Number(setting);
  if (!Number.isSafeInteger(seed)) throw new Error(`SIT_PROPERTY_SEED must be "random" or an integer seed, not "${setting}"`);
  fc.configureGlobal({ seed });
}
