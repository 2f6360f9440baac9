// The public surface of state/story/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './caption';
export * from './classCaption';
export * from './eceWarning';
export * from './fixVerdict';
export * from './epochNoise';
export * from './histogramSubtitle';
export * from './logitShape';
export * from './lossSubtitle';
export * from './lossTrend';
export * from './notices';
export * from './numberText';
export * from './scoringCaption';
export * from './scoringRules';
export * from './summary';
export * from './temperatureSlider';
export * from './withinBin';
export * from './sweepCaption';
export * from './storyCaption';
export * from './classWords';
export * from './importedSettings';
