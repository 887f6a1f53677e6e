// The demo blog's own reading settings, as a blog theme has them: a dark-mode toggle (data-theme on
// <html>, which <chime-comments theme="page"> follows by itself), a text size (the page's root font
// size: the widget's lengths are all in em) and, for trying the translations, the widget's locale.
const form = document.querySelector('form.reading');
const root = document.documentElement;
const sizes = [100, 125, 150, 175, 200];
const LANGUAGES = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  pt: 'Português',
  it: 'Italiano',
  nl: 'Nederlands',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
  ja: '日本語',
  'zh-CN': '简体中文',
  ko: '한국어',
  ar: 'العربية',
  he: 'עברית',
};

const saved = JSON.parse(localStorage.getItem('demo:reading') ?? '{}');
const settings = { theme: '', size: 100, locale: '', ...saved };

for (const [tag, name] of Object.entries(LANGUAGES)) form.locale.append(new Option(name, tag));

function apply() {
  if (settings.theme) root.dataset.theme = settings.theme;
  else delete root.dataset.theme;
  // 112.5% is the blog's own size (blog.css), scaled by the reader's choice.
  root.style.fontSize = `${1.125 * settings.size}%`;
  form.size.value = `${settings.size}%`;
  form.theme.value = settings.theme;
  form.locale.value = settings.locale;
  const widget = document.querySelector('chime-comments');
  if (settings.locale) widget?.setAttribute('locale', settings.locale);
  else widget?.removeAttribute('locale');
  localStorage.setItem('demo:reading', JSON.stringify(settings));
}

/** Sets one setting and applies them all. */
const set = (name, value) => {
  settings[name] = value;
  apply();
};
const step = (by) => sizes[Math.min(sizes.length - 1, Math.max(0, sizes.indexOf(settings.size) + by))] ?? 100;
form.theme.addEventListener('change', () => set('theme', form.theme.value));
form.locale.addEventListener('change', () => set('locale', form.locale.value));
form.smaller.addEventListener('click', () => set('size', step(-1)));
form.larger.addEventListener('click', () => set('size', step(1)));
apply();
