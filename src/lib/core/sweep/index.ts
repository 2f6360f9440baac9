// The public surface of core/sweep/: a sweep's definition (arms × seeds), its statistics, its
// run summaries, its file and the merge of shards. Pure TypeScript over the settings table and
// core/metrics: no tf, no DOM, so the page, the sweep workers and Node scripts share it.

export * from './definition';
export * from './eta';
export * from './presets';
export * from './runSummary';
export * from './seedStats';
export * from './summaryFields';
export * from './tQuantile';
export * from './merge';
export * from './sweepFile';
export * from './sweepFileParse';
export * from './table';
export * from './curves';
export * from './expectation';
