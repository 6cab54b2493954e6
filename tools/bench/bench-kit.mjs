// @ts-check
// Shared by the benchmarks (tools/bench/*.mjs), one module per concern under kit/: common (constants, printing, types),
// setup (build check, machine, EXPLAIN), load (load generation over keep-alive HTTP), cpu (CPU accounting per process),
// output (figures and tables), docs (one section of docs/benchmarks.md), run (the throwaway stack's life cycle).
export * from './kit/common.mjs';
export * from './kit/setup.mjs';
export * from './kit/load.mjs';
export * from './kit/cpu.mjs';
export * from './kit/output.mjs';
export * from './kit/docs.mjs';
export * from './kit/run.mjs';
