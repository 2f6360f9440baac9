// The public surface of settings/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './hash';
export * from './runConfig';
export * from './settingChanges';
export * from './settingKeys';
export * from './settingValues';
export * from './settings';
export * from './sweepSpec';
export * from './views';
