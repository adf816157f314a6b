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
  reviews: 'Rəylər',
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
  ratingRequired: '1-dən 5-ə qədər ulduz seçin.',
  textRequired: 'Bir neçə söz yazın.',
  textTooLong: 'Rəyinizi {max} simvola qədər qısaldın.',
  nameRequired: 'Adınızı yazın.',
};

registerStrings('az', az);
