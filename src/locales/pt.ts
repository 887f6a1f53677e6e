import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Brazilian Portuguese (pt-BR spelling and words: "excluir", "salvar", "conexão"), addressing the
// reader with "você" as WordPress's pt_BR does. Its plural rules put 0 with 1 ("0 comentário").
const { number, plural } = localeFormat<'one' | 'many' | 'other'>('pt-BR');

const pt: Messages = {
  heading: (count) => `Comentários (${number(count)})`,
  says: 'disse:',
  authorBadge: 'Autor',
  moderatorBadge: 'Moderador',
  closed: 'Comentários encerrados.',
  empty: 'Ainda não há comentários. Escreva o primeiro!',
  loading: 'Carregando comentários…',
  loadFailed: 'Não foi possível carregar os comentários.',
  retry: 'Tentar novamente',
  loadMore: 'Carregar mais comentários',
  sortLabel: 'Ordenar',
  sorts: { oldest: 'Mais antigos primeiro', newest: 'Mais recentes primeiro', top: 'Com mais reações' },
  // "many" is Portuguese for round millions: "1.000.000 de comentários".
  newComments: plural({ one: '# novo comentário', many: '# de novos comentários', other: '# novos comentários' }),
  reply: 'Responder',
  inReplyTo: 'em resposta a',
  cancel: 'Cancelar',
  showReplies: plural({ one: 'Ver # resposta', many: 'Ver # de respostas', other: 'Ver # respostas' }),
  hideReplies: 'Ocultar respostas',
  moreReplies: plural({ one: 'Ver mais # resposta', many: 'Ver mais # de respostas', other: 'Ver mais # respostas' }),
  showMore: 'Ler mais',
  showLess: 'Mostrar menos',
  edit: 'Editar',
  save: 'Salvar',
  remove: 'Excluir',
  confirmRemove: 'Excluir este comentário?',
  edited: 'editado',
  deleted: 'Este comentário foi excluído.',
  pinned: 'Fixado',
  offlineNotice: 'Sem conexão: exibindo os comentários salvos.',
  verified: 'Verificado',
  reactions: { like: 'Curti', love: 'Amei', laugh: 'Engraçado', wow: 'Uau', sad: 'Triste', thanks: 'Obrigado', insightful: 'Esclarecedor' },

  formHeading: 'Deixe um comentário',
  replyTo: (name) => `Responder a ${name}`,
  name: 'Nome',
  website: 'Site (opcional)',
  email: 'E-mail (opcional, nunca exibido)',
  replyEmails: 'Receber respostas por e-mail',
  comment: 'Comentário',
  submit: 'Publicar comentário',
  sending: 'Publicando…',
  preview: 'Visualizar',
  write: 'Escrever',
  nameRequired: 'Informe seu nome.',
  nameTooLong: plural({
    one: 'Seu nome deve ter no máximo # caractere.',
    many: 'Seu nome deve ter no máximo # de caracteres.',
    other: 'Seu nome deve ter no máximo # caracteres.',
  }),
  websiteInvalid: 'O site deve ser um endereço que comece com http:// ou https://.',
  emailInvalid: 'Informe um endereço de e-mail válido.',
  emailRequired: 'Informe seu e-mail para receber as respostas.',
  bodyRequired: 'Escreva um comentário.',
  bodyTooLong: plural({
    one: 'Seu comentário deve ter no máximo # caractere.',
    many: 'Seu comentário deve ter no máximo # de caracteres.',
    other: 'Seu comentário deve ter no máximo # caracteres.',
  }),
  forget: 'Esquecer meu nome e meu site',
  signedInAs: (name) => `Comentando como ${name}`,
  signInExpired: 'Seu login expirou, então você está comentando como visitante. Recarregue a página para entrar novamente.',

  posted: 'Seu comentário foi publicado.',
  pending: 'Pendente: será enviado quando a conexão voltar.',
  awaitingModeration: 'Obrigado! Seu comentário ficará visível só para você até ser aprovado pela moderação.',
  notSent: (reason) => `Não enviado: ${reason}`,
  editAndResend: 'Editar e reenviar',
  resend: 'Reenviar',
  discard: 'Descartar',

  count: plural({ one: '# comentário', many: '# de comentários', other: '# comentários' }),
};

export default pt;
