import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// French, addressing the reader with "vous". French typography: a no-break space before ':' and a
// narrow no-break space before '?' and '!', so they never start a line.
const { number, plural } = localeFormat<'one' | 'many' | 'other'>('fr');

const fr: Messages = {
  heading: (count) => `Commentaires (${number(count)})`,
  says: 'dit\u00a0:',
  authorBadge: 'Auteur',
  moderatorBadge: 'Modérateur',
  closed: 'Les commentaires sont fermés.',
  empty: 'Aucun commentaire pour l’instant. Écrivez le premier\u202f!',
  loading: 'Chargement des commentaires…',
  loadFailed: 'Impossible de charger les commentaires.',
  retry: 'Réessayer',
  loadMore: 'Afficher plus de commentaires',
  sortLabel: 'Trier',
  sorts: { oldest: 'Plus anciens d’abord', newest: 'Plus récents d’abord', top: 'Plus de réactions' },
  // "many" is French for round millions: "1 000 000 de commentaires".
  newComments: plural({ one: '# nouveau commentaire', many: '# de nouveaux commentaires', other: '# nouveaux commentaires' }),
  reply: 'Répondre',
  inReplyTo: 'en réponse à',
  cancel: 'Annuler',
  showReplies: plural({ one: 'Afficher # réponse', many: 'Afficher les # de réponses', other: 'Afficher les # réponses' }),
  hideReplies: 'Masquer les réponses',
  moreReplies: plural({ one: 'Afficher # autre réponse', many: 'Afficher # d’autres réponses', other: 'Afficher # autres réponses' }),
  showMore: 'Lire la suite',
  showLess: 'Réduire',
  edit: 'Modifier',
  save: 'Enregistrer',
  remove: 'Supprimer',
  confirmRemove: 'Supprimer ce commentaire\u202f?',
  edited: 'modifié',
  deleted: 'Ce commentaire a été supprimé.',
  pinned: 'Épinglé',
  offlineNotice: 'Hors ligne\u00a0: affichage des commentaires enregistrés.',
  verified: 'Vérifié',
  reactions: { like: 'J’aime', love: 'J’adore', laugh: 'Drôle', wow: 'Étonnant', sad: 'Triste', thanks: 'Merci', insightful: 'Instructif' },

  formHeading: 'Laisser un commentaire',
  replyTo: (name) => `Répondre à ${name}`,
  name: 'Nom',
  website: 'Site web (facultatif)',
  email: 'E-mail (facultatif, jamais affiché)',
  replyEmails: 'M’envoyer les réponses par e-mail',
  comment: 'Commentaire',
  submit: 'Publier le commentaire',
  sending: 'Publication…',
  preview: 'Aperçu',
  write: 'Écrire',
  nameRequired: 'Veuillez indiquer votre nom.',
  nameTooLong: plural({
    one: 'Votre nom ne doit pas dépasser # caractère.',
    many: 'Votre nom ne doit pas dépasser # de caractères.',
    other: 'Votre nom ne doit pas dépasser # caractères.',
  }),
  websiteInvalid: 'L’adresse du site web doit commencer par http:// ou https://.',
  emailInvalid: 'Veuillez indiquer une adresse e-mail valide.',
  emailRequired: 'Veuillez indiquer votre e-mail pour recevoir les réponses.',
  bodyRequired: 'Veuillez écrire un commentaire.',
  bodyTooLong: plural({
    one: 'Votre commentaire ne doit pas dépasser # caractère.',
    many: 'Votre commentaire ne doit pas dépasser # de caractères.',
    other: 'Votre commentaire ne doit pas dépasser # caractères.',
  }),
  forget: 'Oublier mon nom et mon site web',
  signedInAs: (name) => `Vous commentez en tant que ${name}`,
  signInExpired: 'Votre connexion a expiré\u00a0: vous commentez en tant qu’invité. Rechargez la page pour vous reconnecter.',

  posted: 'Votre commentaire a été publié.',
  pending: 'En attente\u00a0: il sera envoyé dès que la connexion sera rétablie.',
  awaitingModeration: 'Merci\u202f! Votre commentaire n’est visible que par vous jusqu’à sa validation par la modération.',
  notSent: (reason) => `Non envoyé\u00a0: ${reason}`,
  editAndResend: 'Modifier et renvoyer',
  resend: 'Renvoyer',
  discard: 'Abandonner',

  count: plural({ one: '# commentaire', many: '# de commentaires', other: '# commentaires' }),
};

export default fr;
