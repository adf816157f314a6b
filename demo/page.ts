import { languages, messages, type Language, type PageKey } from './i18n.js';

// Runs before the elements are defined (see main.ts), so they start in the chosen language and
// with the chosen endpoints instead of loading twice.

const LANGUAGE_KEY = 'feedlets-demo:language';
const THEME_KEY = 'feedlets-demo:theme';
const themes = ['auto', 'light', 'dark'] as const;
type Theme = (typeof themes)[number];

const root = document.documentElement;
const params = new URLSearchParams(location.search);

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage can be blocked; the page still works, it just forgets
  }
}

function store(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // as above
  }
}

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);
const isTheme = (value: unknown): value is Theme => themes.includes(value as Theme);

function applyLanguage(language: Language) {
  const words = messages[language];
  root.lang = language;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = words[node.dataset.i18n as PageKey];
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const label = words[node.dataset.i18nLabel as PageKey];
    node.setAttribute(node.localName.startsWith('news-') ? 'label' : 'aria-label', label);
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-badge]')) {
    node.setAttribute('badge', words[node.dataset.i18nBadge as PageKey]);
  }
  // An element reads the page's `lang` when it starts; `locale` tells a running one of the change.
  for (const element of document.querySelectorAll('news-ticker, news-cards, news-categories, news-reviews')) {
    element.setAttribute('locale', language);
  }
}

function applyTheme(theme: Theme) {
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

const browserLanguage = navigator.language.slice(0, 2);
const language = [params.get('lang'), stored(LANGUAGE_KEY), browserLanguage].find(isLanguage) ?? 'en';
const theme = [params.get('theme'), stored(THEME_KEY)].find(isTheme) ?? 'auto';
applyLanguage(language);
applyTheme(theme);

const languageSelect = document.querySelector<HTMLSelectElement>('#language')!;
languageSelect.value = language;
languageSelect.addEventListener('change', () => {
  if (!isLanguage(languageSelect.value)) return;
  applyLanguage(languageSelect.value);
  store(LANGUAGE_KEY, languageSelect.value);
});

const themeSelect = document.querySelector<HTMLSelectElement>('#theme')!;
themeSelect.value = theme;
themeSelect.addEventListener('change', () => {
  if (!isTheme(themeSelect.value)) return;
  applyTheme(themeSelect.value);
  store(THEME_KEY, themeSelect.value);
});

// The category filter above the top stories drives `<news-cards category>`.
const topCards = document.querySelector('#top-cards')!;
const filters = [...document.querySelectorAll<HTMLButtonElement>('.filters button')];
for (const button of filters) {
  button.addEventListener('click', () => {
    for (const other of filters) other.setAttribute('aria-pressed', String(other === button));
    topCards.setAttribute('category', button.dataset.category ?? '');
  });
}

// `?faults=1` on the page is passed on to the review endpoint, which then fails sometimes.
if (params.get('faults') === '1') {
  for (const reviews of document.querySelectorAll('news-reviews')) {
    for (const name of ['src', 'action']) {
      const url = new URL(reviews.getAttribute(name) ?? '', location.href);
      url.searchParams.set('faults', '1');
      reviews.setAttribute(name, url.pathname + url.search);
    }
  }
  document.querySelector<HTMLElement>('#faults-banner')!.hidden = false;
  const link = document.querySelector<HTMLAnchorElement>('#faults-link')!;
  link.href = './#reviews';
  link.dataset.i18n = 'faultsOff';
  link.textContent = messages[language].faultsOff;
}
