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
  reviews: 'Отзывы',
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
  charsLeft: { one: 'Остался {n} символ', few: 'Осталось {n} символа', many: 'Осталось {n} символов', other: 'Осталось {n} символа' },
  ratingRequired: 'Выберите оценку от 1 до 5 звёзд.',
  textRequired: 'Напишите несколько слов.',
  textTooLong: 'Сократите отзыв до {max} символов.',
  nameRequired: 'Укажите имя.',
};

registerStrings('ru', ru);
