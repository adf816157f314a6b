// The package's root entry: everything a page uses. Importing it registers nothing; the define
// modules do. Servers check reviews with `reviewPayloadSchema` from `feedlets-server`.
export * from './api.js';
