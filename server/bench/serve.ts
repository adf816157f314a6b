/**
 * The server under load, in its own process so the load tool does not share its event loop:
 * the real handler and Node adapter on 127.0.0.1, a free port, rate limit off, moderation pre (the default).
 *   node --import tsx server/bench/serve.ts <db file or postgres:// URL> <site origin>
 * Prints the URL it serves, one line, once it listens.
 */
import { createHandler } from '../src/handler.js';
import { listen } from '../src/node.js';
import { openStore } from '../src/store/index.js';

const [db, site] = process.argv.slice(2);
const store = await openStore(db!);
const handler = createHandler({ store, sites: [site!], adminToken: 'bench-admin-token-0123456789', rateLimit: 0 });
const server = await listen(handler, { port: 0, host: '127.0.0.1' });
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
