import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Russian, addressing the reader with "вы" (lower case, as in interfaces; WordPress's Russian does
// the same). Counts take one/few/many: 1 и 21 комментарий, 2 комментария, 5 и 11 комментариев;
// names stay uninflected after "пользователю", as usernames do.
const { number, plural } = localeFormat<'one' | 'few' | 'many' | 'other'>('ru');

const ru: Messages = {
  heading: (count) => `Комментарии (${number(count)})`,
  says: 'пишет:',
  authorBadge: 'Автор',
  moderatorBadge: 'Модератор',
  closed: 'Комментарии закрыты.',
  empty: 'Комментариев пока нет. Напишите первый!',
  loading: 'Загрузка комментариев…',
  loadFailed: 'Не удалось загрузить комментарии.',
  retry: 'Повторить',
  loadMore: 'Показать ещё комментарии',
  sortLabel: 'Сортировка',
  sorts: { oldest: 'Сначала старые', newest: 'Сначала новые', top: 'Больше всего реакций' },
  newComments: plural({ one: '# новый комментарий', few: '# новых комментария', many: '# новых комментариев', other: '# нового комментария' }),
  reply: 'Ответить',
  inReplyTo: 'в ответ пользователю',
  cancel: 'Отмена',
  showReplies: plural({ one: 'Показать # ответ', few: 'Показать # ответа', many: 'Показать # ответов', other: 'Показать # ответа' }),
  hideReplies: 'Скрыть ответы',
  moreReplies: plural({ one: 'Показать ещё # ответ', few: 'Показать ещё # ответа', many: 'Показать ещё # ответов', other: 'Показать ещё # ответа' }),
  showMore: 'Показать полностью',
  showLess: 'Свернуть',
  edit: 'Изменить',
  save: 'Сохранить',
  remove: 'Удалить',
  confirmRemove: 'Удалить этот комментарий?',
  edited: 'изменено',
  deleted: 'Комментарий удалён.',
  pinned: 'Закреплено',
  offlineNotice: 'Нет подключения: показаны сохранённые комментарии.',
  verified: 'Подтверждено',
  reactions: {
    like: 'Нравится',
    love: 'Обожаю',
    laugh: 'Смешно',
    wow: 'Поразительно',
    sad: 'Грустно',
    thanks: 'Спасибо',
    insightful: 'Познавательно',
  },

  formHeading: 'Оставить комментарий',
  replyTo: (name) => `Ответ пользователю ${name}`,
  name: 'Имя',
  website: 'Сайт (необязательно)',
  email: 'Эл. почта (необязательно, не показывается)',
  replyEmails: 'Присылать ответы на почту',
  comment: 'Комментарий',
  submit: 'Отправить комментарий',
  sending: 'Отправка…',
  preview: 'Предпросмотр',
  write: 'Редактировать',
  nameRequired: 'Укажите имя.',
  // "не более" takes the genitive: 1 и 21 символа, 2, 5 и 80 символов.
  nameTooLong: plural({
    one: 'Имя может содержать не более # символа.',
    few: 'Имя может содержать не более # символов.',
    many: 'Имя может содержать не более # символов.',
    other: 'Имя может содержать не более # символа.',
  }),
  websiteInvalid: 'Адрес сайта должен начинаться с http:// или https://.',
  emailInvalid: 'Укажите правильный адрес эл. почты.',
  emailRequired: 'Укажите адрес эл. почты, чтобы получать ответы.',
  bodyRequired: 'Напишите комментарий.',
  bodyTooLong: plural({
    one: 'Комментарий может содержать не более # символа.',
    few: 'Комментарий может содержать не более # символов.',
    many: 'Комментарий может содержать не более # символов.',
    other: 'Комментарий может содержать не более # символа.',
  }),
  forget: 'Забыть моё имя и сайт',
  signedInAs: (name) => `Вы комментируете как ${name}`,
  signInExpired: 'Срок вашего входа истёк, поэтому вы комментируете как гость. Перезагрузите страницу, чтобы войти снова.',

  posted: 'Ваш комментарий опубликован.',
  pending: 'Ожидает отправки: комментарий уйдёт, когда появится подключение.',
  awaitingModeration: 'Спасибо! Пока модератор не одобрит комментарий, его видите только вы.',
  notSent: (reason) => `Не отправлено: ${reason}`,
  editAndResend: 'Изменить и отправить снова',
  resend: 'Отправить снова',
  discard: 'Удалить',

  count: plural({ one: '# комментарий', few: '# комментария', many: '# комментариев', other: '# комментария' }),
};

export default ru;
