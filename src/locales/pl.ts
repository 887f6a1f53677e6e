import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Polish, addressing the reader informally ("ty", mostly as imperatives: "Napisz", "Podaj") as
// WordPress's Polish does. Counts take one/few/many: 1 komentarz, 2 komentarze, 5 komentarzy;
// names stay uninflected after "użytkownikowi", as usernames do.
const { number, plural } = localeFormat<'one' | 'few' | 'many' | 'other'>('pl');

const pl: Messages = {
  heading: (count) => `Komentarze (${number(count)})`,
  says: 'pisze:',
  authorBadge: 'Autor',
  moderatorBadge: 'Moderator',
  closed: 'Możliwość komentowania jest wyłączona.',
  empty: 'Nie ma jeszcze komentarzy. Napisz pierwszy!',
  loading: 'Wczytywanie komentarzy…',
  loadFailed: 'Nie udało się wczytać komentarzy.',
  retry: 'Spróbuj ponownie',
  loadMore: 'Wczytaj więcej komentarzy',
  sortLabel: 'Sortuj',
  sorts: { oldest: 'Od najstarszych', newest: 'Od najnowszych', top: 'Najwięcej reakcji' },
  newComments: plural({ one: '# nowy komentarz', few: '# nowe komentarze', many: '# nowych komentarzy', other: '# nowego komentarza' }),
  reply: 'Odpowiedz',
  inReplyTo: 'w odpowiedzi użytkownikowi',
  cancel: 'Anuluj',
  showReplies: plural({ one: 'Pokaż # odpowiedź', few: 'Pokaż # odpowiedzi', many: 'Pokaż # odpowiedzi', other: 'Pokaż # odpowiedzi' }),
  hideReplies: 'Ukryj odpowiedzi',
  moreReplies: plural({
    one: 'Pokaż # kolejną odpowiedź',
    few: 'Pokaż # kolejne odpowiedzi',
    many: 'Pokaż # kolejnych odpowiedzi',
    other: 'Pokaż # kolejnych odpowiedzi',
  }),
  showMore: 'Czytaj dalej',
  showLess: 'Zwiń',
  edit: 'Edytuj',
  save: 'Zapisz',
  remove: 'Usuń',
  confirmRemove: 'Usunąć ten komentarz?',
  edited: 'edytowano',
  deleted: 'Ten komentarz został usunięty.',
  pinned: 'Przypięty',
  offlineNotice: 'Brak połączenia: wyświetlane są zapisane komentarze.',
  verified: 'Zweryfikowano',
  reactions: {
    like: 'Lubię to',
    love: 'Uwielbiam',
    laugh: 'Śmieszne',
    wow: 'Zaskakujące',
    sad: 'Smutne',
    thanks: 'Dziękuję',
    insightful: 'Pouczające',
  },

  formHeading: 'Dodaj komentarz',
  replyTo: (name) => `Odpowiedz użytkownikowi ${name}`,
  name: 'Imię',
  website: 'Strona internetowa (opcjonalnie)',
  email: 'E-mail (opcjonalnie, nigdy niepokazywany)',
  replyEmails: 'Powiadamiaj mnie e-mailem o odpowiedziach',
  comment: 'Komentarz',
  submit: 'Opublikuj komentarz',
  sending: 'Publikowanie…',
  preview: 'Podgląd',
  write: 'Edycja',
  nameRequired: 'Podaj imię.',
  nameTooLong: plural({
    one: 'Imię może mieć najwyżej # znak.',
    few: 'Imię może mieć najwyżej # znaki.',
    many: 'Imię może mieć najwyżej # znaków.',
    other: 'Imię może mieć najwyżej # znaku.',
  }),
  websiteInvalid: 'Adres strony musi zaczynać się od http:// lub https://.',
  emailInvalid: 'Podaj prawidłowy adres e-mail.',
  emailRequired: 'Podaj adres e-mail, aby otrzymywać odpowiedzi.',
  bodyRequired: 'Napisz komentarz.',
  bodyTooLong: plural({
    one: 'Komentarz może mieć najwyżej # znak.',
    few: 'Komentarz może mieć najwyżej # znaki.',
    many: 'Komentarz może mieć najwyżej # znaków.',
    other: 'Komentarz może mieć najwyżej # znaku.',
  }),
  forget: 'Zapomnij moje imię i stronę internetową',
  signedInAs: (name) => `Komentujesz jako ${name}`,
  signInExpired: 'Twoje logowanie wygasło, więc komentujesz jako gość. Odśwież stronę, aby zalogować się ponownie.',

  posted: 'Twój komentarz został opublikowany.',
  pending: 'Oczekuje: komentarz zostanie wysłany po przywróceniu połączenia.',
  awaitingModeration: 'Dziękujemy! Dopóki moderator nie zatwierdzi komentarza, widzisz go tylko ty.',
  notSent: (reason) => `Nie wysłano: ${reason}`,
  editAndResend: 'Edytuj i wyślij ponownie',
  resend: 'Wyślij ponownie',
  discard: 'Odrzuć',

  count: plural({ one: '# komentarz', few: '# komentarze', many: '# komentarzy', other: '# komentarza' }),
};

export default pl;
