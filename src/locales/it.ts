import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Italian, addressing the reader with "tu" as blogs and WordPress's Italian do.
const { number, plural } = localeFormat<'one' | 'many' | 'other'>('it');

const it: Messages = {
  heading: (count) => `Commenti (${number(count)})`,
  says: 'ha detto:',
  authorBadge: 'Autore',
  moderatorBadge: 'Moderatore',
  closed: 'I commenti sono chiusi.',
  empty: 'Ancora nessun commento. Scrivi il primo!',
  loading: 'Caricamento dei commenti…',
  loadFailed: 'Impossibile caricare i commenti.',
  retry: 'Riprova',
  loadMore: 'Carica altri commenti',
  sortLabel: 'Ordina',
  sorts: { oldest: 'Dal meno recente', newest: 'Dal più recente', top: 'Con più reazioni' },
  // "many" is Italian for round millions: "1.000.000 di commenti".
  newComments: plural({ one: '# nuovo commento', many: '# di nuovi commenti', other: '# nuovi commenti' }),
  reply: 'Rispondi',
  inReplyTo: 'in risposta a',
  cancel: 'Annulla',
  showReplies: plural({ one: 'Mostra # risposta', many: 'Mostra # di risposte', other: 'Mostra # risposte' }),
  hideReplies: 'Nascondi risposte',
  moreReplies: plural({ one: 'Mostra # altra risposta', many: 'Mostra altre # di risposte', other: 'Mostra altre # risposte' }),
  showMore: 'Leggi tutto',
  showLess: 'Mostra meno',
  edit: 'Modifica',
  save: 'Salva',
  remove: 'Elimina',
  confirmRemove: 'Eliminare questo commento?',
  edited: 'modificato',
  deleted: 'Questo commento è stato eliminato.',
  pinned: 'In evidenza',
  offlineNotice: 'Offline: vengono mostrati i commenti salvati.',
  verified: 'Verificato',
  reactions: {
    like: 'Mi piace',
    love: 'Lo adoro',
    laugh: 'Divertente',
    wow: 'Sorprendente',
    sad: 'Triste',
    thanks: 'Grazie',
    insightful: 'Illuminante',
  },

  formHeading: 'Lascia un commento',
  // "ad" before a name starting with A, as Italian writes it: "Rispondi ad Anna".
  replyTo: (name) => `Rispondi ${/^a/i.test(name) ? 'ad' : 'a'} ${name}`,
  name: 'Nome',
  website: 'Sito web (facoltativo)',
  email: 'Email (facoltativa, mai mostrata)',
  replyEmails: 'Avvisami delle risposte via email',
  comment: 'Commento',
  submit: 'Pubblica il commento',
  sending: 'Pubblicazione…',
  preview: 'Anteprima',
  write: 'Scrivi',
  nameRequired: 'Inserisci il tuo nome.',
  nameTooLong: plural({
    one: 'Il nome può contenere al massimo # carattere.',
    many: 'Il nome può contenere al massimo # di caratteri.',
    other: 'Il nome può contenere al massimo # caratteri.',
  }),
  websiteInvalid: 'L’indirizzo del sito web deve iniziare con http:// o https://.',
  emailInvalid: 'Inserisci un indirizzo email valido.',
  emailRequired: 'Inserisci la tua email per ricevere le risposte.',
  bodyRequired: 'Scrivi un commento.',
  bodyTooLong: plural({
    one: 'Il commento può contenere al massimo # carattere.',
    many: 'Il commento può contenere al massimo # di caratteri.',
    other: 'Il commento può contenere al massimo # caratteri.',
  }),
  forget: 'Dimentica il mio nome e il mio sito web',
  signedInAs: (name) => `Stai commentando come ${name}`,
  signInExpired: 'Il tuo accesso è scaduto, quindi stai commentando come ospite. Ricarica la pagina per accedere di nuovo.',

  posted: 'Il tuo commento è stato pubblicato.',
  pending: 'In attesa: verrà inviato appena torna la connessione.',
  awaitingModeration: 'Grazie! Finché non sarà approvato dalla moderazione, il tuo commento sarà visibile solo a te.',
  notSent: (reason) => `Non inviato: ${reason}`,
  editAndResend: 'Modifica e invia di nuovo',
  resend: 'Invia di nuovo',
  discard: 'Scarta',

  count: plural({ one: '# commento', many: '# di commenti', other: '# commenti' }),
};

export default it;
