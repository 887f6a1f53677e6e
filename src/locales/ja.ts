import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Japanese in the polite です/ます style, without pronouns, with Japanese punctuation (。、：？
// and full-width brackets) and no space between Japanese text and numbers. No plural forms.
const { number } = localeFormat('ja');

const ja: Messages = {
  heading: (count) => `コメント（${number(count)}件）`,
  says: 'より：',
  authorBadge: '著者',
  moderatorBadge: 'モデレーター',
  closed: 'コメントは受け付けていません。',
  empty: 'まだコメントはありません。最初のコメントを書いてみませんか？',
  loading: 'コメントを読み込んでいます…',
  loadFailed: 'コメントを読み込めませんでした。',
  retry: '再試行',
  loadMore: 'さらにコメントを読み込む',
  sortLabel: '並べ替え',
  sorts: { oldest: '古い順', newest: '新しい順', top: 'リアクションの多い順' },
  newComments: (count) => `新着コメント${number(count)}件`,
  reply: '返信',
  inReplyTo: '返信先：',
  cancel: 'キャンセル',
  showReplies: (count) => `${number(count)}件の返信を表示`,
  hideReplies: '返信を非表示',
  moreReplies: (count) => `さらに${number(count)}件の返信を表示`,
  showMore: '続きを読む',
  showLess: '折りたたむ',
  edit: '編集',
  save: '保存',
  remove: '削除',
  confirmRemove: 'このコメントを削除しますか？',
  edited: '編集済み',
  deleted: 'このコメントは削除されました。',
  pinned: '固定済み',
  offlineNotice: 'オフライン：保存済みのコメントを表示しています。',
  verified: '確認済み',
  reactions: { like: 'いいね', love: '大好き', laugh: '笑った', wow: 'すごい', sad: '悲しい', thanks: 'ありがとう', insightful: '参考になった' },

  formHeading: 'コメントを残す',
  replyTo: (name) => `${name}さんへの返信`,
  name: '名前',
  website: 'ウェブサイト（任意）',
  email: 'メールアドレス（任意・公開されません）',
  replyEmails: '返信をメールで受け取る',
  comment: 'コメント',
  submit: 'コメントを送信',
  sending: '送信中…',
  preview: 'プレビュー',
  write: '編集に戻る',
  nameRequired: '名前を入力してください。',
  nameTooLong: (max) => `名前は${number(max)}文字以内で入力してください。`,
  websiteInvalid: 'ウェブサイトには http:// または https:// で始まるアドレスを入力してください。',
  emailInvalid: '有効なメールアドレスを入力してください。',
  emailRequired: '返信をメールで受け取るには、メールアドレスを入力してください。',
  bodyRequired: 'コメントを入力してください。',
  bodyTooLong: (max) => `コメントは${number(max)}文字以内で入力してください。`,
  forget: '保存した名前とウェブサイトを消去',
  signedInAs: (name) => `${name}としてコメントします`,
  signInExpired: 'ログインの有効期限が切れたため、ゲストとしてコメントします。再度ログインするにはページを再読み込みしてください。',

  posted: 'コメントを投稿しました。',
  pending: '送信待ち：接続が回復すると送信されます。',
  awaitingModeration: 'ありがとうございます。モデレーターが承認するまで、このコメントはあなたにだけ表示されます。',
  notSent: (reason) => `送信できませんでした：${reason}`,
  editAndResend: '編集して再送信',
  resend: '再送信',
  discard: '破棄',

  count: (count) => `${number(count)}件のコメント`,
};

export default ja;
