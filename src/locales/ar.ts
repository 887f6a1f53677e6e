import type { Messages } from '../core/i18n.js';
import { isolate, localeFormat, ltr } from './format.js';

// Modern Standard Arabic, addressing the reader in the masculine singular, the generic form of
// Arabic interfaces (WordPress's "اترك تعليقاً"), with Arabic punctuation (؟ ،). Counts take all six
// forms: ٠ تعليقات، ١ تعليق، ٢ تعليقان، ٣ تعليقات، ١١ تعليقًا، ١٠٠ تعليق. A reader's name, a server's
// reason and web addresses are isolated so that Latin text keeps its order inside Arabic.
const { number, plural } = localeFormat<'zero' | 'one' | 'two' | 'few' | 'many' | 'other'>('ar');

const ar: Messages = {
  heading: (count) => `التعليقات (${number(count)})`,
  says: 'يقول:',
  authorBadge: 'الكاتب',
  moderatorBadge: 'مشرف',
  closed: 'التعليقات مغلقة.',
  empty: 'لا توجد تعليقات بعد. كن أول من يعلّق!',
  loading: 'جارٍ تحميل التعليقات…',
  loadFailed: 'تعذّر تحميل التعليقات.',
  retry: 'إعادة المحاولة',
  loadMore: 'تحميل المزيد من التعليقات',
  sortLabel: 'الترتيب',
  sorts: { oldest: 'الأقدم أولًا', newest: 'الأحدث أولًا', top: 'الأكثر تفاعلًا' },
  newComments: plural({
    zero: '# تعليقات جديدة',
    one: '# تعليق جديد',
    two: '# تعليقان جديدان',
    few: '# تعليقات جديدة',
    many: '# تعليقًا جديدًا',
    other: '# تعليق جديد',
  }),
  reply: 'رد',
  inReplyTo: 'ردًا على',
  cancel: 'إلغاء',
  showReplies: (count) => `عرض الردود (${number(count)})`,
  hideReplies: 'إخفاء الردود',
  moreReplies: (count) => `عرض المزيد من الردود (${number(count)})`,
  showMore: 'عرض المزيد',
  showLess: 'عرض أقل',
  edit: 'تعديل',
  save: 'حفظ',
  remove: 'حذف',
  confirmRemove: 'هل تريد حذف هذا التعليق؟',
  edited: 'معدَّل',
  deleted: 'حُذف هذا التعليق.',
  pinned: 'مثبَّت',
  offlineNotice: 'لا يوجد اتصال: تُعرض التعليقات المحفوظة.',
  verified: 'تم التحقق',
  reactions: { like: 'إعجاب', love: 'أحببته', laugh: 'مضحك', wow: 'مدهش', sad: 'محزن', thanks: 'شكرًا', insightful: 'مفيد' },

  formHeading: 'اترك تعليقًا',
  replyTo: (name) => `الرد على ${isolate(name)}`,
  name: 'الاسم',
  website: 'الموقع الإلكتروني (اختياري)',
  email: 'البريد الإلكتروني (اختياري، لن يُعرض)',
  replyEmails: 'أرسل إليّ الردود بالبريد الإلكتروني',
  comment: 'التعليق',
  submit: 'نشر التعليق',
  sending: 'جارٍ النشر…',
  preview: 'معاينة',
  write: 'كتابة',
  nameRequired: 'يُرجى إدخال اسمك.',
  nameTooLong: plural({
    zero: 'يجب ألا يتجاوز الاسم # حرف.',
    one: 'يجب ألا يتجاوز الاسم # حرف.',
    two: 'يجب ألا يتجاوز الاسم # حرفين.',
    few: 'يجب ألا يتجاوز الاسم # أحرف.',
    many: 'يجب ألا يتجاوز الاسم # حرفًا.',
    other: 'يجب ألا يتجاوز الاسم # حرف.',
  }),
  websiteInvalid: `يجب أن يبدأ عنوان الموقع بـ${ltr('http://')} أو ${ltr('https://')}.`,
  emailInvalid: 'يُرجى إدخال عنوان بريد إلكتروني صالح.',
  emailRequired: 'يُرجى إدخال بريدك الإلكتروني لتصلك الردود.',
  bodyRequired: 'يُرجى كتابة تعليق.',
  bodyTooLong: plural({
    zero: 'يجب ألا يتجاوز التعليق # حرف.',
    one: 'يجب ألا يتجاوز التعليق # حرف.',
    two: 'يجب ألا يتجاوز التعليق # حرفين.',
    few: 'يجب ألا يتجاوز التعليق # أحرف.',
    many: 'يجب ألا يتجاوز التعليق # حرفًا.',
    other: 'يجب ألا يتجاوز التعليق # حرف.',
  }),
  forget: 'انسَ اسمي وموقعي الإلكتروني',
  signedInAs: (name) => `تعلّق باسم ${isolate(name)}`,
  signInExpired: 'انتهت صلاحية تسجيل دخولك، لذا تعلّق الآن كزائر. أعد تحميل الصفحة لتسجيل الدخول من جديد.',

  posted: 'نُشر تعليقك.',
  pending: 'قيد الانتظار: سيُرسَل التعليق عند عودة الاتصال.',
  awaitingModeration: 'شكرًا لك! لن يرى أحد تعليقك سواك حتى يوافق عليه أحد المشرفين.',
  notSent: (reason) => `لم يُرسَل: ${isolate(reason)}`,
  editAndResend: 'تعديل وإعادة الإرسال',
  resend: 'إعادة الإرسال',
  discard: 'حذف',

  count: plural({ zero: '# تعليقات', one: '# تعليق', two: '# تعليقان', few: '# تعليقات', many: '# تعليقًا', other: '# تعليق' }),
};

export default ar;
