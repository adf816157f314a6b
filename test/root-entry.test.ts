import { expect } from '@open-wc/testing';

// The RSS/Atom reader is fetched only when a feed turns out to be XML, also for a page that imports
// the root entry with no bundler: the root does not import it; `feedlets/xml` (src/xml.ts) does.
const READER = /\/src\/core\/(?:parse-xml|decode-feed)\./;
const fetched = () => performance.getEntriesByType('resource').map((entry) => entry.name);

describe('the root entry', () => {
  // Room for every module a page fetches in development, so none goes unrecorded.
  before(() => performance.setResourceTimingBufferSize(10_000));

  it('imports the feed core without the RSS/Atom reader, which feedlets/xml gives', async () => {
    const root = await import('../src/index.js');
    expect(root.parseFeed).to.be.a('function');
    expect(fetched().filter((url) => READER.test(url))).to.deep.equal([]);
    const { parseXmlFeed } = await import('../src/xml.js');
    expect(parseXmlFeed('<rss version="2.0"><channel><title>T</title></channel></rss>').title).to.equal('T');
    expect(
      fetched().some((url) => READER.test(url)),
      'the check sees the reader when it is fetched',
    ).to.equal(true);
  });
});
