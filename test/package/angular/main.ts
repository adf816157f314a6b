// Angular: docs/frameworks.md's component, compiled just in time in the browser (hence @angular/compiler)
// and bootstrapped without zone.js. Then its `feed` becomes an object that is not a feed.
import '@angular/compiler';
import { ChangeDetectorRef, provideZonelessChangeDetection, type ComponentRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { NewsTicker } from 'feedlets';
import { NewsComponent } from './news.component';
import { notAFeed, rendered, results, until } from '../support';

const app = await bootstrapApplication(NewsComponent, { providers: [provideZonelessChangeDetection()] });

const ticker = document.querySelector<NewsTicker>('news-ticker')!;
await until(() => rendered(ticker).includes('from Angular'), 'the Angular ticker to render its feed');
results.speed = ticker.speed;
results.feedIsProperty = typeof ticker.feed === 'object' && !ticker.hasAttribute('feed');
results.rendered = rendered(ticker).includes('Headline set as a property from Angular');

// Zoneless, Angular does not see a change made outside its own events: tell it.
const news = app.components[0] as ComponentRef<{ feed: unknown }>;
news.instance.feed = notAFeed;
news.injector.get(ChangeDetectorRef).markForCheck();
await until(() => results.errorCode, 'news-error for the object that is not a feed');
results.done = true;
