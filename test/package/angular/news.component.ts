// docs/frameworks.md's Angular component. main.ts bootstraps it just in time in the browser; ngc (AOT,
// strictTemplates) type-checks its template, where `$event` is a NewsErrorEvent.
import 'feedlets/define/news-ticker';
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import type { NewsErrorEvent } from 'feedlets';
import { makeFeed, results } from '../support';

@Component({
  selector: 'app-news',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<news-ticker [feed]="feed" [speed]="40" (news-error)="onError($event)"></news-ticker>`,
})
export class NewsComponent {
  feed = makeFeed('Angular');
  onError(event: NewsErrorEvent) {
    results.errorCode = event.detail.error.code;
  }
}
