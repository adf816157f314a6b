import type { ReactiveElement } from 'lit';
import { resolveLocale } from '../../core/locale.js';
import { stringsReady } from '../../core/strings.js';

/**
 * The locale `host` speaks: its `locale`, else the nearest `lang`. Through the loader a language's
 * table (messages and dates) is imported on first use, so `host` draws again once it arrives.
 */
export function hostLocale(host: ReactiveElement & { locale: string }): string {
  const locale = resolveLocale(host);
  void stringsReady(locale)?.then(() => host.requestUpdate());
  return locale;
}
