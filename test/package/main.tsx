// What a developer writes: one import per element, then plain DOM or React 19.
import 'feedlets/define/news-ticker';
import 'feedlets/define/news-cards';
import type { NewsLoadEvent, NewsTicker } from 'feedlets';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CustomElements } from './react-types';
import { results, until } from './support';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}

const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'From React',
  items: [{ id: 'r1', title: 'Headline set as a property from React', url: 'https://news.example/r1' }],
};

function App() {
  const [loads, setLoads] = useState(0);
  return (
    <>
      <news-ticker
        id="react"
        speed={30}
        paused
        label="From React"
        feed={feed}
        onnews-load={(event: NewsLoadEvent) => {
          results.eventTitle = event.detail.feed.title;
          setLoads((n) => n + 1);
        }}
      />
      <output id="loads">{loads}</output>
    </>
  );
}

createRoot(document.getElementById('react-root')!).render(<App />);

async function check() {
  const plain = document.getElementById('plain') as NewsTicker;
  await customElements.whenDefined('news-ticker');
  await until(
    () => plain.shadowRoot?.textContent?.includes('Headline from an inline feed'),
    'the plain ticker to render its inline feed',
  );
  results.plainRendered = true;
  await until(() => results.eventTitle && document.getElementById('react'), 'React’s ticker to fire news-load');
  const react = document.getElementById('react') as NewsTicker;
  await react.updateComplete;
  results.reactSpeedProperty = react.speed;
  results.reactPausedAttribute = react.hasAttribute('paused');
  results.reactLabel = react.label;
  results.reactRendered = react.shadowRoot?.textContent?.includes('Headline set as a property from React') ?? false;
  results.done = true;
}
void check();
