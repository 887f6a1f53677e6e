import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Spanish for every Spanish-speaking reader (no vosotros, no regional words), addressing the
// reader with "tú" as blogs and WordPress do.
const { number, plural } = localeFormat<'one' | 'many' | 'other'>('es');

const es: Messages = {
  heading: (count) => `Comentarios (${number(count)})`,
  says: 'dice:',
  authorBadge: 'Autor',
  moderatorBadge: 'Moderador',
  closed: 'Los comentarios están cerrados.',
  empty: 'Todavía no hay comentarios. ¡Escribe el primero!',
  loading: 'Cargando comentarios…',
  loadFailed: 'No se pudieron cargar los comentarios.',
  retry: 'Reintentar',
  loadMore: 'Cargar más comentarios',
  sortLabel: 'Ordenar',
  sorts: { oldest: 'Más antiguos primero', newest: 'Más recientes primero', top: 'Con más reacciones' },
  // "many" is Spanish for round millions: "1.000.000 de comentarios".
  newComments: plural({ one: '# comentario nuevo', many: '# de comentarios nuevos', other: '# comentarios nuevos' }),
  reply: 'Responder',
  inReplyTo: 'en respuesta a',
  cancel: 'Cancelar',
  showReplies: plural({ one: 'Ver # respuesta', many: 'Ver # de respuestas', other: 'Ver # respuestas' }),
  hideReplies: 'Ocultar respuestas',
  moreReplies: plural({ one: 'Ver # respuesta más', many: 'Ver # de respuestas más', other: 'Ver # respuestas más' }),
  showMore: 'Leer más',
  showLess: 'Mostrar menos',
  edit: 'Editar',
  save: 'Guardar',
  remove: 'Eliminar',
  confirmRemove: '¿Eliminar este comentario?',
  edited: 'editado',
  deleted: 'Este comentario se eliminó.',
  pinned: 'Fijado',
  offlineNotice: 'Sin conexión: se muestran los comentarios guardados.',
  verified: 'Verificado',
  reactions: {
    like: 'Me gusta',
    love: 'Me encanta',
    laugh: 'Me divierte',
    wow: 'Me asombra',
    sad: 'Me entristece',
    thanks: 'Gracias',
    insightful: 'Esclarecedor',
  },

  formHeading: 'Deja un comentario',
  replyTo: (name) => `Responder a ${name}`,
  name: 'Nombre',
  website: 'Sitio web (opcional)',
  email: 'Correo electrónico (opcional, nunca se muestra)',
  replyEmails: 'Recibir las respuestas por correo',
  comment: 'Comentario',
  submit: 'Publicar comentario',
  sending: 'Publicando…',
  preview: 'Vista previa',
  write: 'Escribir',
  nameRequired: 'Escribe tu nombre.',
  nameTooLong: plural({
    one: 'Tu nombre no puede tener más de # carácter.',
    many: 'Tu nombre no puede tener más de # de caracteres.',
    other: 'Tu nombre no puede tener más de # caracteres.',
  }),
  websiteInvalid: 'El sitio web debe ser una dirección que empiece por http:// o https://.',
  emailInvalid: 'Escribe una dirección de correo válida.',
  emailRequired: 'Escribe tu correo para recibir las respuestas.',
  bodyRequired: 'Escribe un comentario.',
  bodyTooLong: plural({
    one: 'Tu comentario no puede tener más de # carácter.',
    many: 'Tu comentario no puede tener más de # de caracteres.',
    other: 'Tu comentario no puede tener más de # caracteres.',
  }),
  forget: 'Olvidar mi nombre y mi sitio web',
  signedInAs: (name) => `Comentas como ${name}`,
  signInExpired: 'Tu sesión ha caducado, así que comentas como invitado. Recarga la página para volver a iniciar sesión.',

  posted: 'Tu comentario se ha publicado.',
  pending: 'Pendiente: se enviará cuando vuelva la conexión.',
  awaitingModeration: '¡Gracias! Solo tú puedes ver tu comentario hasta que la moderación lo apruebe.',
  notSent: (reason) => `No enviado: ${reason}`,
  editAndResend: 'Editar y volver a enviar',
  resend: 'Volver a enviar',
  discard: 'Descartar',

  count: plural({ one: '# comentario', many: '# de comentarios', other: '# comentarios' }),
};

export default es;
