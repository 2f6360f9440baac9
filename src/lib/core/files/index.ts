// The public surface of core/files/: what other folders import. Anything not
// re-exported here is internal to this folder.

export * from './logitsExport';
export * from './logitsImport/importedRun';
export * from './runFile';
export * from './runFileParse';
export * from './untrustedJson';
