// The public surface of state/examples/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './classDrill';
export * from './drillDown';
export * from './gallery';
export * from './modelOnPage';
export * from './showMeOne';
export * from './tracked';
export * from './workedExample';
