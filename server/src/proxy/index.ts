/**
 * The feed proxy of feedlets-server: `createProxy(options)` gives the fetch handler mounted at
 * `GET /api/proxy?url=…`.
 */
export { createProxy, type ProxyHandler, type ProxyOptions } from './proxy.js';
export type { Connector, Lookup, ResolvedAddress } from './guarded-connector.js';
