// The JSX declaration a React 19 + TypeScript project writes once (shown in docs/frameworks.md).
import type { NewsCards, NewsLoadEvent, NewsErrorEvent, NewsTicker } from 'feedlets';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Element<T> = Partial<Omit<T, keyof HTMLElement>> &
  DetailedHTMLProps<HTMLAttributes<T>, T> & {
    'onnews-load'?: (event: NewsLoadEvent) => void;
    'onnews-error'?: (event: NewsErrorEvent) => void;
  };

export interface CustomElements {
  'news-ticker': Element<NewsTicker>;
  'news-cards': Element<NewsCards>;
}
