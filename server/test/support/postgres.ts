/**
 * PostgreSQL for tests: a fresh, empty database per caller, in the cluster FEEDLETS_TEST_PG names
 * (CI starts one for the whole run) or else in a throwaway cluster this process starts once, in a
 * temporary folder on a free loopback port, and removes when it exits.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A `postgres://` URL of a new, empty database. */
  url: string;
  /** Drops that database. */
  stop(): Promise<void>;
}

export interface Cluster {
  /** The `postgres://` URL of the cluster's `postgres` database. */
  url: string;
  /** The cluster's folder (data, socket, log). */
  dir: string;
  stop(): void;
}

/** Where initdb and pg_ctl are: $PG_BIN, the PATH, or Debian's /usr/lib/postgresql/<newest>/bin. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) candidates.push(join(onPath.stdout.trim(), '..'));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  return candidates.find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')));
}

/**
 * A reason to skip PostgreSQL tests, or false when they can run. Never a reason under CI=true:
 * there the tests must run, and {@link startPostgres} fails loudly when they cannot.
 */
export function postgresSkip(): string | false {
  if (process.env.FEEDLETS_TEST_PG || process.env.CI === 'true' || findPostgresBin()) return false;
  return 'no PostgreSQL here: install Debian\'s "postgresql" package or set FEEDLETS_TEST_PG=postgres://… (CI never skips this)';
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a throwaway cluster with trust auth on 127.0.0.1; {@link Cluster.stop} removes it. */
export async function startCluster(): Promise<Cluster> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL tests need initdb and pg_ctl: install Debian\'s "postgresql" package (binaries in /usr/lib/postgresql/<version>/bin), set PG_BIN, or set FEEDLETS_TEST_PG to a postgres:// URL of a cluster where this user may create databases.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'feedlets-pg-'));
  // initdb refuses to run as root: run the cluster as the postgres user that Debian's package makes.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  try {
    if (asRoot) {
      const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (ids.status !== 0)
        throw new Error(
          'Running as root, the PostgreSQL tests need the "postgres" user (Debian\'s postgresql package makes it).',
        );
      chownSync(dir, Number(ids.stdout), Number(gids.stdout));
      chmodSync(dir, 0o700);
    }
    const data = join(dir, 'data');
    // --no-sync: a throwaway cluster need not survive a power cut while it is made.
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    run(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200`,
      'start',
    ]);
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      stopCluster(dir);
    };
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`Could not start a throwaway PostgreSQL cluster${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
}

/** Stops the cluster in `dir` (made by {@link startCluster}) at once and removes its folder. */
export function stopCluster(dir: string): void {
  const bin = findPostgresBin();
  try {
    if (bin && existsSync(join(dir, 'data', 'postmaster.pid'))) {
      const args = ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'];
      const [file, argv] =
        process.getuid?.() === 0
          ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]]
          : [join(bin, 'pg_ctl'), args];
      execFileSync(file, argv, { stdio: 'ignore' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let cluster: Promise<string> | undefined;

/** The cluster's URL: FEEDLETS_TEST_PG, or one started for this process and stopped at its exit. */
function clusterUrl(): Promise<string> {
  if (process.env.FEEDLETS_TEST_PG) return Promise.resolve(process.env.FEEDLETS_TEST_PG);
  cluster ??= startCluster().then((started) => {
    process.once('exit', () => started.stop());
    return started.url;
  });
  return cluster;
}

/** A new, empty database for one test or suite. */
export async function startPostgres(): Promise<TestPostgres> {
  const base = await clusterUrl();
  const name = `feedlets_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async stop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
