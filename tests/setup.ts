// Property tests explore new random cases on every local run; in CI they replay a fixed seed so a
// green build is reproducible (set FC_SEED to replay a failure reported by a local run).
import fc from "fast-check";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261123 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
