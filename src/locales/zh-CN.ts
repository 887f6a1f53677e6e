import type { Messages } from '../core/i18n.js';
import { localeFormat } from './format.js';

// Simplified Chinese (mainland conventions: 评论, 昵称, 置顶), with "您" where the reader is
// addressed at all, full-width punctuation (，。：！？（）……) and a space between Chinese and
// numbers or Latin text. No plural forms.
const { number } = localeFormat('zh-CN');

const zhCN: Messages = {
  heading: (count) => `评论（${number(count)}）`,
  says: '说道：',
  authorBadge: '作者',
  moderatorBadge: '管理员',
  closed: '评论已关闭。',
  empty: '还没有评论，快来发表第一条吧！',
  loading: '正在加载评论……',
  loadFailed: '评论加载失败。',
  retry: '重试',
  loadMore: '加载更多评论',
  sortLabel: '排序',
  sorts: { oldest: '最早', newest: '最新', top: '最热' },
  newComments: (count) => `${number(count)} 条新评论`,
  reply: '回复',
  inReplyTo: '回复',
  cancel: '取消',
  showReplies: (count) => `查看 ${number(count)} 条回复`,
  hideReplies: '收起回复',
  moreReplies: (count) => `查看其余 ${number(count)} 条回复`,
  showMore: '展开全文',
  showLess: '收起',
  edit: '编辑',
  save: '保存',
  remove: '删除',
  confirmRemove: '确定要删除这条评论吗？',
  edited: '已编辑',
  deleted: '该评论已删除。',
  pinned: '置顶',
  offlineNotice: '离线：正在显示已保存的评论。',
  verified: '已验证',
  reactions: { like: '赞', love: '喜爱', laugh: '好笑', wow: '惊叹', sad: '难过', thanks: '感谢', insightful: '有启发' },

  formHeading: '发表评论',
  replyTo: (name) => `回复 ${name}`,
  name: '昵称',
  website: '网站（选填）',
  email: '邮箱（选填，不会公开）',
  replyEmails: '有回复时发邮件通知我',
  comment: '评论',
  submit: '提交评论',
  sending: '正在提交……',
  preview: '预览',
  write: '编辑',
  nameRequired: '请填写昵称。',
  nameTooLong: (max) => `昵称不能超过 ${number(max)} 个字符。`,
  websiteInvalid: '网站地址必须以 http:// 或 https:// 开头。',
  emailInvalid: '请填写有效的邮箱地址。',
  emailRequired: '如需通过邮件接收回复，请填写邮箱。',
  bodyRequired: '请填写评论内容。',
  bodyTooLong: (max) => `评论不能超过 ${number(max)} 个字符。`,
  forget: '清除保存的昵称和网站',
  signedInAs: (name) => `以 ${name} 的身份评论`,
  signInExpired: '您的登录已过期，现在将以访客身份评论。请刷新页面重新登录。',

  posted: '您的评论已发布。',
  pending: '等待发送：网络恢复后将自动发送。',
  awaitingModeration: '感谢您的评论！审核通过前，只有您能看到这条评论。',
  notSent: (reason) => `发送失败：${reason}`,
  editAndResend: '编辑后重新发送',
  resend: '重新发送',
  discard: '放弃',

  count: (count) => `${number(count)} 条评论`,
};

export default zhCN;
