import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Dutch, addressing the reader with "je" as blogs and WordPress's Dutch do. A comment is a
// "reactie" on Dutch blogs; emoji reactions are therefore "emoji-reacties".
const { number, plural } = localeFormat<'one' | 'other'>('nl');

const nl: Messages = {
  heading: (count) => `Reacties (${number(count)})`,
  says: 'schreef:',
  authorBadge: 'Auteur',
  moderatorBadge: 'Moderator',
  closed: 'Reageren is niet meer mogelijk.',
  empty: 'Nog geen reacties. Schrijf de eerste!',
  loading: 'Reacties laden…',
  loadFailed: 'De reacties konden niet worden geladen.',
  retry: 'Opnieuw proberen',
  loadMore: 'Meer reacties laden',
  sortLabel: 'Sorteren',
  sorts: { oldest: 'Oudste eerst', newest: 'Nieuwste eerst', top: 'Meeste emoji-reacties' },
  newComments: plural({ one: '# nieuwe reactie', other: '# nieuwe reacties' }),
  reply: 'Beantwoorden',
  inReplyTo: 'in reactie op',
  cancel: 'Annuleren',
  showReplies: plural({ one: '# antwoord tonen', other: '# antwoorden tonen' }),
  hideReplies: 'Antwoorden verbergen',
  moreReplies: plural({ one: 'Nog # antwoord tonen', other: 'Nog # antwoorden tonen' }),
  showMore: 'Lees meer',
  showLess: 'Minder tonen',
  edit: 'Bewerken',
  save: 'Opslaan',
  remove: 'Verwijderen',
  confirmRemove: 'Deze reactie verwijderen?',
  edited: 'bewerkt',
  deleted: 'Deze reactie is verwijderd.',
  pinned: 'Vastgezet',
  offlineNotice: 'Offline: opgeslagen reacties worden getoond.',
  verified: 'Geverifieerd',
  reactions: { like: 'Leuk', love: 'Geweldig', laugh: 'Grappig', wow: 'Verbazend', sad: 'Verdrietig', thanks: 'Bedankt', insightful: 'Verhelderend' },

  formHeading: 'Geef een reactie',
  replyTo: (name) => `Antwoord aan ${name}`,
  name: 'Naam',
  website: 'Website (optioneel)',
  email: 'E-mail (optioneel, wordt nooit getoond)',
  replyEmails: 'Antwoorden per e-mail ontvangen',
  comment: 'Reactie',
  submit: 'Reactie plaatsen',
  sending: 'Bezig met plaatsen…',
  preview: 'Voorbeeld',
  write: 'Schrijven',
  nameRequired: 'Vul je naam in.',
  nameTooLong: plural({ one: 'Je naam mag maximaal # teken lang zijn.', other: 'Je naam mag maximaal # tekens lang zijn.' }),
  websiteInvalid: 'De website moet een adres zijn dat begint met http:// of https://.',
  emailInvalid: 'Vul een geldig e-mailadres in.',
  emailRequired: 'Vul je e-mailadres in om antwoorden per e-mail te krijgen.',
  bodyRequired: 'Schrijf een reactie.',
  bodyTooLong: plural({ one: 'Je reactie mag maximaal # teken lang zijn.', other: 'Je reactie mag maximaal # tekens lang zijn.' }),
  forget: 'Mijn naam en website vergeten',
  signedInAs: (name) => `Je reageert als ${name}`,
  signInExpired: 'Je aanmelding is verlopen, dus je reageert als gast. Laad de pagina opnieuw om je weer aan te melden.',

  posted: 'Je reactie is geplaatst.',
  pending: 'In de wachtrij: wordt verzonden zodra er weer verbinding is.',
  awaitingModeration: 'Bedankt! Alleen jij ziet je reactie totdat een moderator die heeft goedgekeurd.',
  notSent: (reason) => `Niet verzonden: ${reason}`,
  editAndResend: 'Bewerken en opnieuw verzenden',
  resend: 'Opnieuw verzenden',
  discard: 'Weggooien',

  count: plural({ one: '# reactie', other: '# reacties' }),
};

export default nl;
