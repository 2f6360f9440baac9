// The public surface of core/data/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './dataset';
export * from './images/contentHash';
export * from './images/datasetRefParse';
export * from './images/fileTypes';
export * from './images/letterbox';
export * from './images/limits';
export * from './images/ownDataset';
export * from './images/split';
export * from './downloadSize';
export { parseManifest, type DatasetManifest } from './manifest';
