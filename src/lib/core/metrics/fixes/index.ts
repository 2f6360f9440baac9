// The public surface of core/metrics/fixes/ (re-exported by core/metrics/index.ts): the post-hoc
// fixes at every epoch and the verdict "stop early, or keep training and rescale?".

export * from './epochChoice';
export * from './epochFixes';
export * from './verdict';
