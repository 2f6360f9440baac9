// The public surface of core/metrics/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './bootstrap';
export * from './bootstrapInterval';
export * from './brier';
export * from './calibration';
export * from './classes';
export * from './eceCoverage';
export * from './epochMetrics';
export * from './logitRows';
export * from './metrics';
export * from './posthoc';
export * from './scoring';
export * from './temperature';
export * from './heldOutSplit';
export * from './fixes';
