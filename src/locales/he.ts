import type { Messages } from '../core/i18n.js';
import { isolate, localeFormat, ltr } from './format.js';

// Hebrew, gender-neutral as Israeli interfaces write it: commands as action nouns ("שמירה",
// "ביטול"), requests as "יש ל…", and a slash where a form must show gender ("כתב/ה"). Counts take
// one/two/other (a comment has no dual: 2 תגובות). A reader's name, a server's reason and web
// addresses are isolated so that Latin text keeps its order inside Hebrew.
const { number, plural } = localeFormat<'one' | 'two' | 'other'>('he');

const he: Messages = {
  heading: (count) => `תגובות (${number(count)})`,
  says: 'כתב/ה:',
  authorBadge: 'מחבר/ת',
  moderatorBadge: 'מנהל/ת',
  closed: 'התגובות סגורות.',
  empty: 'עדיין אין תגובות. אפשר לכתוב את הראשונה!',
  loading: 'התגובות נטענות…',
  loadFailed: 'טעינת התגובות נכשלה.',
  retry: 'ניסיון חוזר',
  loadMore: 'טעינת תגובות נוספות',
  sortLabel: 'מיון',
  sorts: { oldest: 'מהישנה לחדשה', newest: 'מהחדשה לישנה', top: 'הפופולריות ביותר' },
  newComments: plural({ one: '# תגובה חדשה', two: '# תגובות חדשות', other: '# תגובות חדשות' }),
  reply: 'תשובה',
  inReplyTo: 'בתשובה אל',
  cancel: 'ביטול',
  showReplies: (count) => `הצגת התשובות (${number(count)})`,
  hideReplies: 'הסתרת התשובות',
  moreReplies: (count) => `הצגת תשובות נוספות (${number(count)})`,
  showMore: 'הצגת עוד',
  showLess: 'הצגת פחות',
  edit: 'עריכה',
  save: 'שמירה',
  remove: 'מחיקה',
  confirmRemove: 'למחוק את התגובה?',
  edited: 'נערכה',
  deleted: 'התגובה נמחקה.',
  pinned: 'נעוצה',
  offlineNotice: 'אין חיבור: מוצגות התגובות השמורות.',
  verified: 'מאומת',
  reactions: { like: 'אהבתי', love: 'מקסים', laugh: 'מצחיק', wow: 'מדהים', sad: 'עצוב', thanks: 'תודה', insightful: 'מחכים' },

  formHeading: 'כתיבת תגובה',
  replyTo: (name) => `תשובה ל־${isolate(name)}`,
  name: 'שם',
  website: 'אתר (לא חובה)',
  email: 'אימייל (לא חובה, לא יוצג)',
  replyEmails: 'קבלת תשובות באימייל',
  comment: 'תגובה',
  submit: 'פרסום התגובה',
  sending: 'בשליחה…',
  preview: 'תצוגה מקדימה',
  write: 'כתיבה',
  nameRequired: 'יש להזין שם.',
  nameTooLong: plural({ one: 'השם יכול להכיל עד # תו.', two: 'השם יכול להכיל עד # תווים.', other: 'השם יכול להכיל עד # תווים.' }),
  websiteInvalid: `כתובת האתר צריכה להתחיל ב־${ltr('http://')} או ב־${ltr('https://')}.`,
  emailInvalid: 'יש להזין כתובת אימייל תקינה.',
  emailRequired: 'יש להזין אימייל כדי לקבל תשובות באימייל.',
  bodyRequired: 'יש לכתוב תגובה.',
  bodyTooLong: plural({ one: 'התגובה יכולה להכיל עד # תו.', two: 'התגובה יכולה להכיל עד # תווים.', other: 'התגובה יכולה להכיל עד # תווים.' }),
  forget: 'מחיקת השם והאתר השמורים',
  signedInAs: (name) => `תגובה בשם ${isolate(name)}`,
  signInExpired: 'תוקף ההתחברות פג, ולכן התגובה תישלח כאורח. יש לרענן את הדף כדי להתחבר מחדש.',

  posted: 'התגובה פורסמה.',
  pending: 'ממתינה לשליחה: התגובה תישלח כשהחיבור יחזור.',
  awaitingModeration: 'תודה! התגובה מוצגת רק לך עד שצוות האתר יאשר אותה.',
  notSent: (reason) => `לא נשלחה: ${isolate(reason)}`,
  editAndResend: 'עריכה ושליחה מחדש',
  resend: 'שליחה מחדש',
  discard: 'מחיקה',

  count: plural({ one: '# תגובה', two: '# תגובות', other: '# תגובות' }),
};

export default he;
