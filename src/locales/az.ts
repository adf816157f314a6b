import { registerDates, type DateStrings } from '../core/date-strings.js';
import { registerLanguageNames, type LanguageNames } from '../core/language-name.js';
import { registerStrings, type Strings } from '../core/strings.js';

/** The az messages, registered on import. */
export const az: Partial<Strings> = {
  loading: 'Xəbərlər yüklənir…',
  empty: 'Hələ xəbər yoxdur.',
  error: 'Xəbərləri yükləmək mümkün olmadı.',
  retry: 'Yenidən cəhd et',
  pause: 'Xəbər lentini dayandır',
  play: 'Xəbər lentini başlat',
  latest: 'Son xəbərlər',
  more: 'Daha çox',
  categories: 'Kateqoriyalar',
  other: 'Digər',
  corsBlocked: '{host} bu sayta öz xəbərlərini oxumağa icazə vermir.',
  reviews: 'Rəylər',
  loadingReviews: 'Rəylər yüklənir…',
  reviewsError: 'Rəyləri yükləmək mümkün olmadı.',
  leaveReview: 'Rəy yazın',
  yourRating: 'Qiymətiniz',
  stars: { other: '{n} ulduz' },
  average: '5 üzərindən {avg}',
  reviewCount: { other: '{n} rəy' },
  noReviews: 'Hələ rəy yoxdur. İlk rəyi siz yazın.',
  yourReview: 'Rəyiniz',
  yourName: 'Adınız',
  optional: '(istəyə bağlı)',
  send: 'Rəyi göndər',
  sending: 'Göndərilir…',
  sent: 'Təşəkkür edirik! Rəyiniz göndərildi.',
  pending: 'Yoxlanışdan sonra dərc olunacaq',
  failed: 'Rəyinizi göndərmək mümkün olmadı. Mətniniz saxlanılıb.',
  retrying: 'Hələ göndərilmədi. Yenidən cəhd edilir…',
  showMore: 'Daha çox göstər',
  charsLeft: { other: '{n} simvol qalıb' },
  charsOver: { other: '{n} simvol artıqdır' },
  ratingRequired: '1-dən 5-ə qədər ulduz seçin.',
  textRequired: 'Bir neçə söz yazın.',
  textTooLong: 'Rəyinizi {max} simvola qədər qısaldın.',
  nameRequired: 'Adınızı yazın.',
};

registerStrings('az', az);

/** The az dates, for a browser whose Intl lacks the language; registered on import. */
export const azDates: DateStrings = {
  months: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avq', 'sen', 'okt', 'noy', 'dek'],
  date: '{d} {month} {y}',
  thisMinute: 'bu dəqiqə',
  yesterday: 'dünən',
  tomorrow: 'sabah',
  minutesAgo: { other: '{n} dəqiqə öncə' },
  hoursAgo: { other: '{n} saat öncə' },
  daysAgo: { other: '{n} gün öncə' },
  inMinutes: { other: '{n} dəqiqə ərzində' },
  inHours: { other: '{n} saat ərzində' },
  inDays: { other: '{n} gün ərzində' },
};

registerDates('az', azDates);

/** The az names of a few languages, for a browser whose Intl lacks them; registered on import. */
export const azLanguageNames: LanguageNames = {
  az: 'azərbaycan',
  en: 'ingilis',
  ru: 'rus',
  tr: 'türk',
  uk: 'ukrayna',
  de: 'alman',
  fr: 'fransız',
  es: 'ispan',
};

registerLanguageNames('az', azLanguageNames);
