// The public surface of core/train/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './model';
export * from './optimizer';
export * from './trainStep';
export * from './trainer';
export * from './wasmKernels';
