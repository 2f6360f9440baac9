// The public surface of core/metrics/classes/ (per-class diagnosis), re-exported by core/metrics.

export * from './classFigures';
export * from './classTable';
export * from './epochClassFigures';
