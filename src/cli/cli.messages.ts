// Texts of the command line, in Russian and English.
import type { Catalog } from '../platform/i18n.ts';

export const cliMessages = {
  migrated: { ru: 'База {db}: применено миграций: {count}', en: 'Database {db}: {count} migrations applied' },
  world_written: {
    ru: 'Мир записан в {dir}: учреждений {institutions}, муниципалитетов {municipalities}, сообществ ВК {communities} ({ms} мс)',
    en: 'World written to {dir}: {institutions} institutions, {municipalities} municipalities, {communities} VK communities ({ms} ms)',
  },
  world_loaded: {
    ru: 'Мир загружен: учреждений {institutions}, страниц {pages}, постов {posts}, комментариев {comments}',
    en: 'World loaded: {institutions} institutions, {pages} pages, {posts} posts, {comments} comments',
  },
  status_title: { ru: 'Publica: база {db}', en: 'Publica: database {db}' },
  status_line: { ru: '  {name}: {value}', en: '  {name}: {value}' },
  never: { ru: 'не было', en: 'none' },
  run: {
    ru: '№ {id} {kind} — {status}, начат {started}, страниц {done}/{total}',
    en: '#{id} {kind} — {status}, started {started}, pages {done}/{total}',
  },
  collected: {
    ru: 'Реестр: учреждений {institutions}. Собрано из симулятора ВК ({vk}): страниц {pages}, постов {posts}, комментариев {comments}, запросов {requests} за {seconds} с',
    en: 'Registry: {institutions} institutions. Collected from the simulated VK ({vk}): {pages} pages, {posts} posts, {comments} comments, {requests} requests in {seconds} s',
  },
  collected_networks: {
    ru: 'Собрано из симулятора ОК ({ok}): групп {okPages}, тем {okPosts}, комментариев {okComments}; из симулятора MAX ({max}): каналов {maxPages}, постов {maxPosts}',
    en: 'Collected from the simulated OK ({ok}): {okPages} groups, {okPosts} topics, {okComments} comments; from the simulated MAX ({max}): {maxPages} channels, {maxPosts} posts',
  },
  demo_seminars: {
    ru: 'Семинары демо: добавлено {count} (прошедшие с участниками и предстоящий с приглашениями)',
    en: 'Demo seminars: {count} added (past ones with attendees, an upcoming one with invitations)',
  },
  audit_done: {
    ru: 'Аудит № {run} по методике {version}: страниц {pages}, средний балл {mean}; уровни: {levels}',
    en: 'Audit #{run} by methodology {version}: {pages} pages, mean score {mean}; levels: {levels}',
  },
  serving: {
    ru: 'Publica работает: {url} (API: {docs}). Остановить: Ctrl+C',
    en: 'Publica is serving: {url} (API: {docs}). Stop with Ctrl+C',
  },
  demo_accounts: {
    ru: 'Демо-учётные записи (пароль у всех: {password}):',
    en: 'Demo accounts (the password of each: {password}):',
  },
  vk_token_added: {
    ru: 'Токен ВК «{label}» ({kind}) сохранён зашифрованным (ключ {keyId}).',
    en: 'VK token "{label}" ({kind}) stored sealed (key {keyId}).',
  },
  vk_token_changed: { ru: 'Токен ВК «{label}»: {change}.', en: 'VK token "{label}": {change}.' },
  vk_token_none: { ru: 'Сохранённых токенов ВК нет.', en: 'No VK tokens stored.' },
  vk_token_rotated: {
    ru: 'Перешифровано токенов: {resealed}, уже под текущим ключом {keyId}: {unchanged}.',
    en: 'Tokens sealed again: {resealed}; already under the current key {keyId}: {unchanged}.',
  },
  vk_token_new_key: {
    ru: 'Новый ключ (задайте его в PUBLICA_SECRET_KEY, прежний перенесите в PUBLICA_SECRET_KEYS_OLD и выполните publica vk-token rotate):',
    en: 'A new key (set it as PUBLICA_SECRET_KEY, move the old one to PUBLICA_SECRET_KEYS_OLD, then run publica vk-token rotate):',
  },
  user_added: {
    ru: 'Пользователь {login} создан: роль {role}, зона {scope}.',
    en: 'User {login} created: role {role}, scope {scope}.',
  },
  user_password: {
    ru: 'Пароль (показан один раз): {password}',
    en: 'Password (shown once): {password}',
  },
  user_changed: { ru: 'Пользователь {login}: {change}.', en: 'User {login}: {change}.' },
  start_ready: {
    ru: 'Демо готово. База: {db}. Мир: {dir}. Дальше: npx publica status, npx publica audit --help',
    en: 'Demo ready. Database: {db}. World: {dir}. Next: npx publica status, npx publica audit --help',
  },
  error: { ru: 'ошибка: {message}', en: 'error: {message}' },
} satisfies Catalog;

export const statusNames = {
  regions: { ru: 'регионов', en: 'regions' },
  municipalities: { ru: 'муниципалитетов', en: 'municipalities' },
  institutions: { ru: 'учреждений', en: 'institutions' },
  pages: { ru: 'страниц', en: 'pages' },
  snapshots: { ru: 'снимков профилей', en: 'profile snapshots' },
  posts: { ru: 'постов', en: 'posts' },
  comments: { ru: 'комментариев', en: 'comments' },
  lastCollectionRun: { ru: 'последний сбор', en: 'last collection run' },
  lastAuditRun: { ru: 'последний аудит', en: 'last audit run' },
} satisfies Catalog;
