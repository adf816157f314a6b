// The package's root entry: everything a page uses, and the schema a server checks reviews with
// (left out of the script-tag build, which no server can load: it registers elements).
export * from './api.js';
export { reviewPayloadSchema } from './core/review-schema.js';
