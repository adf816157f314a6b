import { expect } from '@open-wc/testing';
import { DraftStore, newId } from '../../src/core/review-draft.js';
import { uniqueUrl } from '../helpers/fetch-stub.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('DraftStore', () => {
  it('gives a new empty draft with a fresh id when nothing is saved', () => {
    const a = new DraftStore(uniqueUrl('reviews'), 'story-1').load();
    const b = new DraftStore(uniqueUrl('reviews'), 'story-1').load();
    expect(a).to.include({ rating: 0, text: '', name: '' });
    expect(a.id).to.match(UUID);
    expect(a.id).not.to.equal(b.id);
  });

  it('keeps one draft per action and item, id included, until cleared', () => {
    const action = uniqueUrl('reviews');
    const draft = { id: newId(), rating: 3, text: 'Half written', name: 'Leyla' };
    new DraftStore(action, 'story-1').save(draft);
    expect(new DraftStore(action, 'story-1').load()).to.deep.equal(draft);
    expect(new DraftStore(action, 'story-2').load().text).to.equal('');
    new DraftStore(action, 'story-1').clear();
    expect(new DraftStore(action, 'story-1').load().text).to.equal('');
  });

  it('forgets a draft emptied by the reader', () => {
    const action = uniqueUrl('reviews');
    const store = new DraftStore(action, 'story-1');
    store.save({ id: newId(), rating: 0, text: 'x', name: '' });
    store.save({ id: newId(), rating: 0, text: '', name: '' });
    expect(Object.keys(localStorage).filter((key) => key.includes(action))).to.deep.equal([]);
  });

  it('ignores a damaged draft', () => {
    const action = uniqueUrl('reviews');
    const store = new DraftStore(action, 'story-1');
    store.save({ id: newId(), rating: 2, text: 'x', name: '' });
    const key = Object.keys(localStorage).find((k) => k.includes(action))!;
    localStorage.setItem(key, '{"id":');
    expect(store.load().text).to.equal('');
    localStorage.setItem(key, JSON.stringify({ id: 'a', rating: 99, text: 'kept', name: 'n' }));
    expect(store.load()).to.deep.equal({ id: 'a', rating: 0, text: 'kept', name: 'n' });
  });

  it('works without storage', () => {
    const store = new DraftStore(uniqueUrl('reviews'), 'story-1', null);
    store.save({ id: newId(), rating: 2, text: 'x', name: '' });
    expect(store.load().text).to.equal('');
  });
});

describe('newId', () => {
  it('makes version 4 UUIDs even where crypto.randomUUID is missing (plain-http pages)', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newId({ getRandomValues: (a) => crypto.getRandomValues(a) })));
    expect(ids.size).to.equal(50);
    for (const id of ids) expect(id).to.match(UUID);
  });
});
