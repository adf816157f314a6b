// The `feedlets-server` command: the only module that reads process.env or argv.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultAssetsDir } from './assets-dir.js';
import { createHandler } from './handler-with-assets.js';
import { listen } from './node.js';
import { createProxy } from './proxy/index.js';
import { parseRateLimit } from './options.js';
import { openStore } from './store/index.js';
import type { ReviewStatus, ReviewStore } from './store/types.js';
import { exportFeed, importFeed } from './transfer.js';

const USAGE = `Usage:
  feedlets-server --site https://my-site.example --db ./feedlets.db --admin-token "$TOKEN" [options]
  feedlets-server reviews list [--pending] --db ./feedlets.db
  feedlets-server reviews approve|reject|delete ID --db ./feedlets.db
  feedlets-server reviews export --db ./feedlets.db > reviews.json
  feedlets-server reviews import reviews.json --db ./feedlets.db
  ("reviews" may be left out: feedlets-server approve ID)

Options (each also from the environment variable in brackets):
  --site ORIGIN          a site whose pages post and read reviews; repeat for more [FEEDLETS_SITE, comma-separated]
  --db FILE|URL          a SQLite file (created if missing) or postgres://user:pass@host/db [FEEDLETS_DB]
  --admin-token TOKEN    signs in to /api/admin; at least 16 characters [FEEDLETS_ADMIN_TOKEN]
  --port P               default 8787; 0 picks a free port [PORT]
  --host H               default 127.0.0.1; 0.0.0.0 for every interface [HOST]
  --prefix PATH          where the API lives, default /api [FEEDLETS_PREFIX]
  --moderation pre|post  pre (default): reviews wait for approval; post: published at once [FEEDLETS_MODERATION]
  --rate-limit N/min,N/day|0  per client address, default 5/min,50/day; a part left out keeps its
                         default, 0/day turns that part off, 0 the whole limit [FEEDLETS_RATE_LIMIT]
  --trust-proxy          behind your reverse proxy: the client address from X-Forwarded-For, and the
                         public address for links from X-Forwarded-Proto and -Host [FEEDLETS_TRUST_PROXY=1]
  --item-id ID           an article id (not a URL) reviews may name; repeat for more [FEEDLETS_ITEM_ID, comma-separated]
  --allow-feed URL|https://host/*  a feed the proxy may fetch; repeat for more [FEEDLETS_ALLOW_FEED, comma-separated]
  --proxy-ttl S          seconds the proxy keeps an answer, default 60 [FEEDLETS_PROXY_TTL]
  --assets DIR           the built widget files served at /feedlets/, default the installed feedlets package's dist/ [FEEDLETS_ASSETS]
  --help                 this text
`;

const OPTIONS = {
  site: { type: 'string', multiple: true },
  db: { type: 'string' },
  'admin-token': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  prefix: { type: 'string' },
  moderation: { type: 'string' },
  'rate-limit': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'item-id': { type: 'string', multiple: true },
  'allow-feed': { type: 'string', multiple: true },
  'proxy-ttl': { type: 'string' },
  assets: { type: 'string' },
  pending: { type: 'boolean' },
  help: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** A mistake in how the command was called: printed with the usage, exit code 2. */
class UsageError extends Error {}

const env = process.env;
const list = (flag: string[] | undefined, variable: string | undefined) =>
  flag?.length
    ? flag
    : (variable ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);

const rateLimitOf = (text: string) => {
  try {
    return parseRateLimit(text);
  } catch (error) {
    throw new UsageError(`--rate-limit ${(error as Error).message}`);
  }
};

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port "${text}" is not a port number (0 to 65535).`);
  return port;
}

async function withStore<T>(db: string | undefined, work: (store: ReviewStore) => Promise<T>): Promise<T> {
  if (!db) throw new UsageError('Name the database: --db ./feedlets.db (or FEEDLETS_DB).');
  const store = await openStore(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function reviewsCommand(words: string[], values: { db?: string; pending?: boolean }): Promise<number> {
  const [command, ...rest] = words;
  const db = values.db ?? env.FEEDLETS_DB;
  const one = () => {
    if (rest.length !== 1) throw new UsageError(`"${command}" takes one review id.`);
    return rest[0]!;
  };
  switch (command) {
    case 'list':
      return withStore(db, async (store) => {
        let after: string | undefined;
        do {
          const page = await store.list({ status: values.pending ? ['pending'] : undefined, limit: 500, after });
          for (const review of page.reviews) {
            const text = review.text.replace(/\s+/g, ' ');
            console.log(
              `${review.id}  ${review.status.padEnd(9)}  ${review.rating}/5  ${review.createdAt}  ${review.item}  ${review.name || '-'}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`,
            );
          }
          after = page.next;
        } while (after);
        return 0;
      });
    case 'approve':
    case 'reject':
    case 'delete': {
      const id = one().toLowerCase(); // stored lowercase, as the server's routes read it
      return withStore(db, async (store) => {
        const status: ReviewStatus = command === 'approve' ? 'published' : 'rejected';
        const done = command === 'delete' ? await store.delete(id) : await store.setStatus(id, status);
        if (!done) {
          console.error(`No review has the id ${id} (see: feedlets-server reviews list).`);
          return 1;
        }
        console.log(command === 'delete' ? `${id} deleted` : `${id} ${status}`);
        return 0;
      });
    }
    case 'export':
      if (rest.length)
        throw new UsageError('"export" writes to standard output: feedlets-server reviews export > reviews.json');
      return withStore(db, async (store) => {
        process.stdout.write(JSON.stringify(await exportFeed(store), null, 2) + '\n');
        return 0;
      });
    case 'import': {
      const file = one();
      let feed: unknown;
      try {
        feed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        console.error(`Could not read ${file} as JSON: ${(error as Error).message}`);
        return 1;
      }
      return withStore(db, async (store) => {
        const result = await importFeed(store, feed);
        for (const problem of result.invalid) console.error(`skipped ${problem}`);
        console.log(`${result.added} added, ${result.skipped} already there, ${result.invalid.length} not reviews`);
        return result.invalid.length ? 1 : 0;
      });
    }
    default:
      throw new UsageError(
        command
          ? `Unknown command "${command}".`
          : 'Say what to do with the reviews: list, approve, reject, delete, export or import.',
      );
  }
}

async function serve(values: ReturnType<typeof parse>['values']): Promise<number> {
  const sites = list(values.site, env.FEEDLETS_SITE);
  if (!sites.length)
    throw new UsageError('Name the site whose pages show reviews: --site https://my-site.example (or FEEDLETS_SITE).');
  const adminToken = values['admin-token'] ?? env.FEEDLETS_ADMIN_TOKEN;
  if (!adminToken)
    throw new UsageError('Give an admin token: --admin-token "$(openssl rand -hex 24)" (or FEEDLETS_ADMIN_TOKEN).');
  const moderation = values.moderation ?? env.FEEDLETS_MODERATION ?? 'pre';
  if (moderation !== 'pre' && moderation !== 'post')
    throw new UsageError(`--moderation is pre or post, not "${moderation}".`);
  const rateLimit = rateLimitOf(values['rate-limit'] ?? env.FEEDLETS_RATE_LIMIT ?? '5/min,50/day');
  const port = parsePort(values.port ?? env.PORT ?? '8787');
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const allowFeed = list(values['allow-feed'], env.FEEDLETS_ALLOW_FEED);
  const ttlText = values['proxy-ttl'] ?? env.FEEDLETS_PROXY_TTL ?? '60';
  const ttlSeconds = Number(ttlText);
  if (!/^\d+$/.test(ttlText)) throw new UsageError(`--proxy-ttl "${ttlText}" is not a number of seconds.`);
  const assetsDir = values.assets ?? env.FEEDLETS_ASSETS ?? defaultAssetsDir();
  const trustProxy = values['trust-proxy'] ?? /^(1|true|yes)$/i.test(env.FEEDLETS_TRUST_PROXY ?? '');
  const db = values.db ?? env.FEEDLETS_DB;
  if (!db) throw new UsageError('Name the database: --db ./feedlets.db or --db postgres://… (or FEEDLETS_DB).');

  const prefix = values.prefix ?? env.FEEDLETS_PREFIX ?? '/api';
  const itemIds = list(values['item-id'], env.FEEDLETS_ITEM_ID);

  let proxy;
  try {
    // Node only (it checks each resolved address in undici's connector), so the CLI builds it.
    proxy = allowFeed.length ? createProxy({ allowFeed, ttlSeconds }) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const store = await openStore(db);
  let handler;
  try {
    handler = createHandler({
      store,
      sites,
      itemIds,
      adminToken,
      prefix,
      moderation,
      rateLimit,
      trustProxy,
      assetsDir,
      proxy,
    });
  } catch (error) {
    await store.close();
    throw new UsageError((error as Error).message);
  }
  const server = await listen(handler, { port, host });
  const api = `${server.url}${prefix.replace(/\/+$/, '')}`;
  // The element shows the reviews of the article it posts to; the feed lists that article's alone.
  const article = `${new URL(sites[0]!).origin}/your-article`;
  // One write, ending with the snippet, so whoever waits for the output gets all of it at once.
  const lines = [
    `feedlets-server listening on ${server.url}`,
    `  reviews   POST ${api}/reviews   GET ${api}/reviews.json?item=URL`,
    `  admin     ${api}/admin   (moderation: ${moderation})`,
    `  health    ${server.url}/healthz`,
    assetsDir
      ? `  widgets   ${server.url}/feedlets/loader.js (or feedlets.js, all in one file)`
      : '  widgets   not served: pass --assets DIR (or install feedlets beside feedlets-server; in a clone, npm run build)',
    proxy
      ? `  proxy     ${api}/proxy?url={url}   (feeds: ${allowFeed.join(', ')})`
      : '  proxy     off (give --allow-feed URL)',
    '',
    'Paste into each article page, with your public address in place of this one and the',
    `page's canonical URL in place of ${article} (URL-encoded in src):`,
    '',
    ...(assetsDir ? [`  <script type="module" src="${server.url}/feedlets/loader.js"></script>`] : []),
    `  <news-reviews src="${api}/reviews.json?item=${encodeURIComponent(article)}" action="${api}/reviews"`,
    `    item="${article}"></news-reviews>`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  const stop = async () => {
    await server.close();
    await proxy?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return new Promise(() => {});
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const words = positionals[0] === 'reviews' ? positionals.slice(1) : positionals;
  if (positionals.length) return reviewsCommand(words, values);
  return serve(values);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`feedlets-server: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`feedlets-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
