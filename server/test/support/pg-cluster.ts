/**
 * One throwaway PostgreSQL cluster for a whole CI run, shared by every server test file:
 *   eval "$(node --import tsx server/test/support/pg-cluster.ts start)"   # exports FEEDLETS_TEST_PG, FEEDLETS_PG_DIR
 *   node --import tsx server/test/support/pg-cluster.ts stop "$FEEDLETS_PG_DIR"
 */
import { startCluster, stopCluster } from './postgres.js';

const [command, dir] = process.argv.slice(2);
if (command === 'start') {
  const cluster = await startCluster();
  process.stdout.write(`export FEEDLETS_TEST_PG='${cluster.url}' FEEDLETS_PG_DIR='${cluster.dir}'\n`);
} else if (command === 'stop' && dir) {
  stopCluster(dir);
} else {
  process.stderr.write('usage: pg-cluster.ts start | stop <dir>\n');
  process.exit(2);
}
