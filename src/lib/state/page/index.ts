// The public surface of state/page/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './shortcuts';
export * from './tour';
