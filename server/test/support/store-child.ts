/**
 * A second process on the same database file, for the store tests:
 *   open-add <file> <id>  opens the store (running migrations), adds one review, prints add()'s answer
 *   add-loop <file>       adds reviews until killed, printing each id once add() has resolved
 */
import { randomUUID } from 'node:crypto';
import { LibsqlStore } from '../../src/store/libsql.js';

const [command, file, id] = process.argv.slice(2);
const store = new LibsqlStore(file!);
await store.open();
const review = (reviewId: string) => ({
  id: reviewId,
  item: 'https://site.example/a',
  rating: 4,
  text: 'from a child',
  name: '',
  status: 'pending' as const,
});

if (command === 'open-add') {
  const added = await store.add(review(id!));
  await store.close();
  process.stdout.write(`${added}\n`);
} else if (command === 'add-loop') {
  for (;;) {
    const reviewId = randomUUID();
    if (await store.add(review(reviewId))) process.stdout.write(`${reviewId}\n`);
  }
} else {
  throw new Error(`unknown command ${command}`);
}
