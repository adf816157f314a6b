// A review answered 2xx is never lost: 20 clients post 200 reviews, the server is killed with
// SIGKILL mid-way, and after a restart on the same file every acknowledged review is there once.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { tempFolder } from './support/databases.js';
import { exited, startCli } from './support/cli.js';
import { ADMIN_TOKEN, SITE, post, review } from './support/http.js';

const REVIEWS = 200;
const CLIENTS = 20;
const KILL_AFTER = 80;

const db = join(tempFolder(), 'feedlets.db');
const args = [
  '--db',
  db,
  '--site',
  SITE,
  '--admin-token',
  ADMIN_TOKEN,
  '--port',
  '0',
  '--rate-limit',
  '0',
  '--moderation',
  'post',
];
const children: Awaited<ReturnType<typeof startCli>>['child'][] = [];
after(async () => {
  for (const child of children) {
    child.kill('SIGKILL');
    await exited(child);
  }
});

test('every review acknowledged before a SIGKILL is stored exactly once after the restart', async () => {
  const first = await startCli(args);
  children.push(first.child);
  const reviews = Array.from({ length: REVIEWS }, (_, index) => review({ text: `Review number ${index}` }));
  const acknowledged = new Set<string>();
  const unanswered: typeof reviews = [];
  let next = 0;

  async function client() {
    while (next < reviews.length) {
      const one = reviews[next++]!;
      try {
        const answer = await post(first.url, one);
        if (answer.status >= 200 && answer.status < 300) {
          acknowledged.add(one.id);
          // The kill comes from an event (the 80th acknowledgement), not from a timer.
          if (acknowledged.size === KILL_AFTER) first.child.kill('SIGKILL');
        } else unanswered.push(one);
      } catch {
        unanswered.push(one);
      }
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client));
  await exited(first.child);
  assert.equal(first.child.signalCode, 'SIGKILL');
  assert.ok(acknowledged.size >= KILL_AFTER && acknowledged.size < REVIEWS, `${acknowledged.size} acknowledged`);

  const second = await startCli(args);
  children.push(second.child);
  const listed = await fetch(`${second.url}/api/admin/reviews?limit=500`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const { reviews: stored } = (await listed.json()) as { reviews: { id: string }[] };
  const copies = new Map<string, number>();
  for (const { id } of stored) copies.set(id, (copies.get(id) ?? 0) + 1);
  for (const id of acknowledged) assert.equal(copies.get(id), 1, `review ${id} was acknowledged`);
  assert.ok(
    [...copies.values()].every((count) => count === 1),
    'no review is stored twice',
  );

  // The element retries what got no answer with the same id: each is then stored (201) or was already (409).
  for (const one of unanswered) {
    const answer = await post(second.url, one);
    assert.ok(answer.status === 201 || answer.status === 409, `status ${answer.status}`);
  }
  const final = await fetch(`${second.url}/api/reviews.json?limit=100`);
  const feed = await final.json();
  assert.equal(feed._reviews.count, REVIEWS);
});
