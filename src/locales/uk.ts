import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Ukrainian, addressing the reader with "ви" (lower case, as in interfaces; WordPress's Ukrainian
// does the same). Counts take one/few/many: 1 і 21 коментар, 2 коментарі, 5 і 11 коментарів;
// names stay uninflected after "користувачеві", as usernames do. Apostrophe: ’.
const { number, plural } = localeFormat<'one' | 'few' | 'many' | 'other'>('uk');

const uk: Messages = {
  heading: (count) => `Коментарі (${number(count)})`,
  says: 'пише:',
  authorBadge: 'Автор',
  moderatorBadge: 'Модератор',
  closed: 'Коментування закрито.',
  empty: 'Коментарів поки що немає. Напишіть перший!',
  loading: 'Завантаження коментарів…',
  loadFailed: 'Не вдалося завантажити коментарі.',
  retry: 'Повторити',
  loadMore: 'Показати ще коментарі',
  sortLabel: 'Сортування',
  sorts: { oldest: 'Спочатку старі', newest: 'Спочатку нові', top: 'Найбільше реакцій' },
  newComments: plural({ one: '# новий коментар', few: '# нові коментарі', many: '# нових коментарів', other: '# нового коментаря' }),
  reply: 'Відповісти',
  inReplyTo: 'у відповідь користувачеві',
  cancel: 'Скасувати',
  showReplies: plural({ one: 'Показати # відповідь', few: 'Показати # відповіді', many: 'Показати # відповідей', other: 'Показати # відповіді' }),
  hideReplies: 'Приховати відповіді',
  moreReplies: plural({
    one: 'Показати ще # відповідь',
    few: 'Показати ще # відповіді',
    many: 'Показати ще # відповідей',
    other: 'Показати ще # відповіді',
  }),
  showMore: 'Показати повністю',
  showLess: 'Згорнути',
  edit: 'Редагувати',
  save: 'Зберегти',
  remove: 'Видалити',
  confirmRemove: 'Видалити цей коментар?',
  edited: 'змінено',
  deleted: 'Коментар видалено.',
  pinned: 'Закріплено',
  offlineNotice: 'Немає з’єднання: показано збережені коментарі.',
  verified: 'Підтверджено',
  reactions: { like: 'Подобається', love: 'Обожнюю', laugh: 'Смішно', wow: 'Вражає', sad: 'Сумно', thanks: 'Дякую', insightful: 'Пізнавально' },

  formHeading: 'Залишити коментар',
  replyTo: (name) => `Відповідь користувачеві ${name}`,
  name: 'Ім’я',
  website: 'Вебсайт (необов’язково)',
  email: 'Ел. пошта (необов’язково, не показується)',
  replyEmails: 'Надсилати відповіді на пошту',
  comment: 'Коментар',
  submit: 'Надіслати коментар',
  sending: 'Надсилання…',
  preview: 'Попередній перегляд',
  write: 'Редагувати',
  nameRequired: 'Вкажіть ім’я.',
  // "не більше ніж" takes the nominative: 1 і 21 символ, 2 символи, 5 і 80 символів.
  nameTooLong: plural({
    one: 'Ім’я може містити не більше ніж # символ.',
    few: 'Ім’я може містити не більше ніж # символи.',
    many: 'Ім’я може містити не більше ніж # символів.',
    other: 'Ім’я може містити не більше ніж # символу.',
  }),
  websiteInvalid: 'Адреса сайту має починатися з http:// або https://.',
  emailInvalid: 'Вкажіть правильну адресу ел. пошти.',
  emailRequired: 'Вкажіть адресу ел. пошти, щоб отримувати відповіді.',
  bodyRequired: 'Напишіть коментар.',
  bodyTooLong: plural({
    one: 'Коментар може містити не більше ніж # символ.',
    few: 'Коментар може містити не більше ніж # символи.',
    many: 'Коментар може містити не більше ніж # символів.',
    other: 'Коментар може містити не більше ніж # символу.',
  }),
  forget: 'Забути моє ім’я та сайт',
  signedInAs: (name) => `Ви коментуєте як ${name}`,
  signInExpired: 'Термін вашого входу минув, тому ви коментуєте як гість. Перезавантажте сторінку, щоб увійти знову.',

  posted: 'Ваш коментар опубліковано.',
  pending: 'Очікує надсилання: коментар буде надіслано, щойно з’явиться з’єднання.',
  awaitingModeration: 'Дякуємо! Доки модератор не схвалить коментар, його бачите лише ви.',
  notSent: (reason) => `Не надіслано: ${reason}`,
  editAndResend: 'Змінити й надіслати знову',
  resend: 'Надіслати знову',
  discard: 'Видалити',

  count: plural({ one: '# коментар', few: '# коментарі', many: '# коментарів', other: '# коментаря' }),
};

export default uk;
