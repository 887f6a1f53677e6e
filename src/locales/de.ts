import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// German, addressing the reader with "du" as blogs and WordPress's default German do.
const { number, plural } = localeFormat<'one' | 'other'>('de');

const de: Messages = {
  heading: (count) => `Kommentare (${number(count)})`,
  says: 'sagt:',
  authorBadge: 'Autor',
  moderatorBadge: 'Moderator',
  closed: 'Die Kommentare sind geschlossen.',
  empty: 'Noch keine Kommentare. Schreib den ersten!',
  loading: 'Kommentare werden geladen\u00a0…',
  loadFailed: 'Die Kommentare konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  loadMore: 'Weitere Kommentare laden',
  sortLabel: 'Sortieren',
  sorts: { oldest: 'Älteste zuerst', newest: 'Neueste zuerst', top: 'Meiste Reaktionen' },
  newComments: plural({ one: '# neuer Kommentar', other: '# neue Kommentare' }),
  reply: 'Antworten',
  inReplyTo: 'als Antwort an',
  cancel: 'Abbrechen',
  showReplies: plural({ one: '# Antwort anzeigen', other: '# Antworten anzeigen' }),
  hideReplies: 'Antworten ausblenden',
  moreReplies: plural({ one: '# weitere Antwort anzeigen', other: '# weitere Antworten anzeigen' }),
  showMore: 'Weiterlesen',
  showLess: 'Weniger anzeigen',
  edit: 'Bearbeiten',
  save: 'Speichern',
  remove: 'Löschen',
  confirmRemove: 'Diesen Kommentar löschen?',
  edited: 'bearbeitet',
  deleted: 'Dieser Kommentar wurde gelöscht.',
  pinned: 'Angeheftet',
  offlineNotice: 'Offline: Gespeicherte Kommentare werden angezeigt.',

  formHeading: 'Schreib einen Kommentar',
  replyTo: (name) => `Antwort an ${name}`,
  name: 'Name',
  website: 'Website (optional)',
  email: 'E-Mail (optional, wird nie angezeigt)',
  replyEmails: 'Antworten per E-Mail erhalten',
  comment: 'Kommentar',
  submit: 'Kommentar abschicken',
  sending: 'Wird gesendet\u00a0…',
  preview: 'Vorschau',
  write: 'Schreiben',
  nameRequired: 'Bitte gib deinen Namen an.',
  nameTooLong: (max) => `Dein Name darf höchstens ${number(max)} Zeichen lang sein.`,
  websiteInvalid: 'Die Website muss eine Adresse sein, die mit http:// oder https:// beginnt.',
  emailInvalid: 'Bitte gib eine gültige E-Mail-Adresse an.',
  emailRequired: 'Bitte gib deine E-Mail-Adresse an, um Antworten per E-Mail zu erhalten.',
  bodyRequired: 'Bitte schreib einen Kommentar.',
  bodyTooLong: (max) => `Dein Kommentar darf höchstens ${number(max)} Zeichen lang sein.`,
  forget: 'Namen und Website vergessen',

  pending: 'Ausstehend: Der Kommentar wird gesendet, sobald wieder eine Verbindung besteht.',
  awaitingModeration: 'Danke! Bis dein Kommentar freigeschaltet ist, siehst nur du ihn.',
  notSent: (reason) => `Nicht gesendet: ${reason}`,
  editAndResend: 'Bearbeiten und erneut senden',
  resend: 'Erneut senden',
  discard: 'Verwerfen',

  count: plural({ one: '# Kommentar', other: '# Kommentare' }),
};

export default de;
