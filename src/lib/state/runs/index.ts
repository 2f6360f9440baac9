// The public surface of state/runs/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './compare';
export * from './csv';
export * from './fileName';
export * from './ranking';
export * from './runNames';
export * from './runClasses';
export * from './sweepCsv';
export * from './sweepGroups';
