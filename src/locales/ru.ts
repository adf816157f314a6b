import { registerDates, type DateStrings } from '../core/date-strings.js';
import { registerLanguageNames, type LanguageNames } from '../core/language-name.js';
import { registerStrings, type Strings } from '../core/strings.js';

/** The ru messages, registered on import. */
export const ru: Partial<Strings> = {
  loading: 'Загрузка новостей…',
  empty: 'Пока нет новостей.',
  error: 'Не удалось загрузить новости.',
  retry: 'Повторить',
  pause: 'Остановить ленту',
  play: 'Запустить ленту',
  latest: 'Последние',
  more: 'Ещё',
  categories: 'Рубрики',
  other: 'Другое',
  corsBlocked: '{host} не разрешает этому сайту читать свои новости.',
  reviews: 'Отзывы',
  loadingReviews: 'Загрузка отзывов…',
  reviewsError: 'Не удалось загрузить отзывы.',
  leaveReview: 'Оставить отзыв',
  yourRating: 'Ваша оценка',
  stars: { one: '{n} звезда', few: '{n} звезды', many: '{n} звёзд', other: '{n} звезды' },
  average: '{avg} из 5',
  reviewCount: { one: '{n} отзыв', few: '{n} отзыва', many: '{n} отзывов', other: '{n} отзыва' },
  noReviews: 'Отзывов пока нет. Будьте первым.',
  yourReview: 'Ваш отзыв',
  yourName: 'Ваше имя',
  optional: '(необязательно)',
  send: 'Отправить отзыв',
  sending: 'Отправка…',
  sent: 'Спасибо! Ваш отзыв отправлен.',
  pending: 'Ожидает проверки',
  failed: 'Не удалось отправить отзыв. Текст сохранён.',
  retrying: 'Пока не удалось отправить. Пробуем ещё раз…',
  showMore: 'Показать ещё',
  charsLeft: {
    one: 'Остался {n} символ',
    few: 'Осталось {n} символа',
    many: 'Осталось {n} символов',
    other: 'Осталось {n} символа',
  },
  charsOver: {
    one: 'Лишний {n} символ',
    few: 'Лишних {n} символа',
    many: 'Лишних {n} символов',
    other: 'Лишних {n} символа',
  },
  ratingRequired: 'Выберите оценку от 1 до 5 звёзд.',
  textRequired: 'Напишите несколько слов.',
  textTooLong: 'Сократите отзыв до {max} символов.',
  nameRequired: 'Укажите имя.',
};

registerStrings('ru', ru);

/** The ru dates, for a browser whose Intl lacks the language; registered on import. */
export const ruDates: DateStrings = {
  months: ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
  date: '{d} {month} {y} г.',
  thisMinute: 'в эту минуту',
  yesterday: 'вчера',
  tomorrow: 'завтра',
  minutesAgo: { one: '{n} минуту назад', few: '{n} минуты назад', other: '{n} минут назад' },
  hoursAgo: { one: '{n} час назад', few: '{n} часа назад', other: '{n} часов назад' },
  daysAgo: { one: '{n} день назад', few: '{n} дня назад', other: '{n} дней назад' },
  inMinutes: { one: 'через {n} минуту', few: 'через {n} минуты', other: 'через {n} минут' },
  inHours: { one: 'через {n} час', few: 'через {n} часа', other: 'через {n} часов' },
  inDays: { one: 'через {n} день', few: 'через {n} дня', other: 'через {n} дней' },
};

registerDates('ru', ruDates);

/** The ru names of a few languages, for a browser whose Intl lacks them; registered on import. */
export const ruLanguageNames: LanguageNames = {
  ru: 'русский',
  en: 'английский',
  az: 'азербайджанский',
  tr: 'турецкий',
  uk: 'украинский',
  de: 'немецкий',
  fr: 'французский',
  es: 'испанский',
};

registerLanguageNames('ru', ruLanguageNames);
