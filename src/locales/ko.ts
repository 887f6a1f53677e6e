import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Korean in the polite style (합니다 for statements, 해 주세요 for requests), addressing no one by
// pronoun; "님" after a full name is spaced, as the standard orthography has it. No plural forms.
const { number } = localeFormat('ko');

const ko: Messages = {
  heading: (count) => `댓글 (${number(count)})`,
  says: '님의 댓글:',
  authorBadge: '작성자',
  moderatorBadge: '운영자',
  closed: '댓글이 닫혔습니다.',
  empty: '아직 댓글이 없습니다. 첫 댓글을 남겨 보세요.',
  loading: '댓글을 불러오는 중…',
  loadFailed: '댓글을 불러오지 못했습니다.',
  retry: '다시 시도',
  loadMore: '댓글 더 보기',
  sortLabel: '정렬',
  sorts: { oldest: '오래된 순', newest: '최신순', top: '반응 많은 순' },
  newComments: (count) => `새 댓글 ${number(count)}개`,
  reply: '답글',
  inReplyTo: '답글 대상:',
  cancel: '취소',
  showReplies: (count) => `답글 ${number(count)}개 보기`,
  hideReplies: '답글 숨기기',
  moreReplies: (count) => `답글 ${number(count)}개 더 보기`,
  showMore: '더보기',
  showLess: '접기',
  edit: '수정',
  save: '저장',
  remove: '삭제',
  confirmRemove: '이 댓글을 삭제하시겠습니까?',
  edited: '수정됨',
  deleted: '삭제된 댓글입니다.',
  pinned: '고정됨',
  offlineNotice: '오프라인: 저장된 댓글을 표시하고 있습니다.',
  verified: '인증됨',
  reactions: { like: '좋아요', love: '최고예요', laugh: '웃겨요', wow: '놀라워요', sad: '슬퍼요', thanks: '고마워요', insightful: '유익해요' },

  formHeading: '댓글 남기기',
  replyTo: (name) => `${name} 님에게 답글 남기기`,
  name: '이름',
  website: '웹사이트 (선택)',
  email: '이메일 (선택, 공개되지 않음)',
  replyEmails: '답글을 이메일로 받기',
  comment: '댓글',
  submit: '댓글 등록',
  sending: '등록 중…',
  preview: '미리 보기',
  write: '작성',
  nameRequired: '이름을 입력해 주세요.',
  nameTooLong: (max) => `이름은 ${number(max)}자 이내로 입력해 주세요.`,
  websiteInvalid: '웹사이트 주소는 http:// 또는 https://로 시작해야 합니다.',
  emailInvalid: '올바른 이메일 주소를 입력해 주세요.',
  emailRequired: '답글을 이메일로 받으려면 이메일 주소를 입력해 주세요.',
  bodyRequired: '댓글 내용을 입력해 주세요.',
  bodyTooLong: (max) => `댓글은 ${number(max)}자 이내로 입력해 주세요.`,
  forget: '저장된 이름과 웹사이트 지우기',
  signedInAs: (name) => `${name} 님으로 댓글을 작성합니다`,
  signInExpired: '로그인이 만료되어 손님으로 댓글을 작성합니다. 다시 로그인하려면 페이지를 새로 고쳐 주세요.',

  posted: '댓글이 게시되었습니다.',
  pending: '전송 대기 중: 연결이 복구되면 전송됩니다.',
  awaitingModeration: '감사합니다! 운영자가 승인할 때까지 이 댓글은 작성자 본인에게만 보입니다.',
  notSent: (reason) => `전송하지 못했습니다: ${reason}`,
  editAndResend: '수정 후 다시 보내기',
  resend: '다시 보내기',
  discard: '삭제',

  count: (count) => `댓글 ${number(count)}개`,
};

export default ko;
