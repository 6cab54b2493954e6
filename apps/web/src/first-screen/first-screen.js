// @ts-check
// The first screen before the console starts. A returning user who opens the Models list waits for the console's
// code to load, start and render (most of a second; seconds on a busy machine) although the rows take one request.
// This script runs first: it sends the list's two requests (the console then answers from them, see
// libs/web/core/src/lib/browser/first-screen.ts) and, when both answer, paints a still picture of the page: the app
// bar, the tabs, the status cards and the table's first page, in the console's places and colours
// (first-screen.scss). The console removes it once it shows the page itself. Nothing here is interactive; anything
// unusual (another page, filters in the address, a phone, hidden-by-default columns, no rows) leaves the splash.
(function firstScreen() {
  const MODELS_PATHS = ['/', '/model-inventory', '/model-inventory/models'];
  /** What the console asks for the list's default view (first-load.spec.ts fails when the console asks again). */
  const LIST_QUERY = { limit: 25, offset: 0 };
  const COUNTS_QUERY = { parameter: 'status' };
  const DESKTOP_MIN_WIDTH = 960;
  const STATUSES = [
    ['Approved', 'check_circle', 'Cleared for use'],
    ['Restricted', 'error', 'Use under conditions'],
    ['Pending', 'schedule', 'Awaiting review'],
    ['Blocked', 'block', 'Must not be used'],
  ];
  /** @type {{ key: string, label: string, centred?: boolean }[]} the Models table's columns, in its order */
  const COLUMNS = [
    { key: 'provider', label: 'Provider' },
    { key: 'model', label: 'Model' },
    { key: 'version', label: 'Version' },
    { key: 'approver', label: 'Approver' },
    { key: 'security_assessment', label: 'Assessment', centred: true },
    { key: 'status', label: 'Status' },
    { key: 'status_date', label: 'Status date' },
    { key: 'open_risk_count', label: 'Open risks', centred: true },
    { key: 'hosting_provider', label: 'Hosting' },
    { key: 'capabilities', label: 'Capabilities' },
    { key: 'updated_at', label: 'Last updated' },
  ];
  const DEFAULT_COLUMNS = ['provider', 'model', 'version', 'approver', 'security_assessment', 'status', 'status_date', 'open_risk_count'];
  /** Columns that show names from other requests: with one of them chosen, the picture is not painted. */
  const NAMED_COLUMNS = ['projects', 'frameworks'];

  if (!MODELS_PATHS.includes(location.pathname) || location.search || window.innerWidth < DESKTOP_MIN_WIDTH) return;
  const token = storedToken();
  const columns = chosenColumns();
  if (!token || !columns) return;
  applyStoredTheme();

  const headers = { Authorization: `Bearer ${token}` };
  /** @param {string} url */
  const getJson = (url) =>
    fetch(url, { headers, priority: 'high' })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
  const list = getJson(`/api/modelInventory?limit=${LIST_QUERY.limit}&offset=${LIST_QUERY.offset}`);
  const counts = getJson(`/api/modelInventoryHistory/current-counts?parameter=${COUNTS_QUERY.parameter}`);
  performance.mark('mi-first-screen:asked');
  // The console starts once the picture is up (or not to be), so that its start does not hold the picture back.
  const settled = Promise.all([list, counts])
    .then(([page, statusCounts]) => {
      performance.mark('mi-first-screen:answered');
      // A workspace with demo models may show an Admin a banner above the list: the picture would not match.
      if (!page || !statusCounts || page.total === 0 || statusCounts.demo_models > 0 || document.documentElement.dataset['consoleShown'] !== undefined) return;
      document.body.append(paint(page, statusCounts.counts ?? {}, columns));
      performance.mark('mi-first-screen:painted');
    })
    .catch(() => undefined);
  /** @type {any} */ (window).miFirstScreen = { list: { query: LIST_QUERY, body: list }, counts: { query: COUNTS_QUERY, body: counts }, settled };

  /** @returns {string | null} the stored session's access token when it has not expired */
  function storedToken() {
    try {
      const stored = JSON.parse(localStorage.getItem('model-inventory.session') ?? 'null');
      return stored && typeof stored.accessToken === 'string' && stored.expiresAt > Date.now() ? stored.accessToken : null;
    } catch {
      return null;
    }
  }

  /** @returns {string[] | null} the visible columns as the console reads them; null when the picture cannot show them */
  function chosenColumns() {
    try {
      const stored = JSON.parse(localStorage.getItem('model-inventory.models.columns') ?? 'null');
      if (!Array.isArray(stored)) return DEFAULT_COLUMNS;
      if (stored.some((key) => NAMED_COLUMNS.includes(key))) return null;
      const chosen = COLUMNS.map(({ key }) => key).filter((key) => key === 'model' || stored.includes(key));
      return chosen.length > 1 ? chosen : DEFAULT_COLUMNS;
    } catch {
      return DEFAULT_COLUMNS;
    }
  }

  function applyStoredTheme() {
    try {
      const theme = localStorage.getItem('model-inventory.theme');
      if (theme === 'light' || theme === 'dark') document.documentElement.classList.add(`mi-theme-${theme}`);
    } catch {
      // the system's scheme, as the console's default
    }
  }

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string | null} [text]
   * @param {Node[]} [children]
   */
  function el(tag, className, text, children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    if (children) node.append(...children);
    return node;
  }

  /** @param {string} name */
  const icon = (name) => el('span', 'material-symbols-outlined mi-fs-icon', name);
  const grouped = new Intl.NumberFormat('en-GB');
  const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
  const mediumDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  /**
   * @param {{ items: any[], total: number }} page
   * @param {Record<string, number>} statusCounts
   * @param {string[]} visible
   */
  function paint(page, statusCounts, visible) {
    const screen = el('div', 'mi-first-screen', null, [
      el('header', 'mi-fs-bar', null, [el('span', 'mi-fs-logo', null, [icon('inventory_2')]), el('span', 'mi-fs-product', 'Model Inventory')]),
      el('nav', 'mi-fs-nav', null, [
        el('span', 'mi-fs-nav-item mi-fs-active', null, [icon('inventory_2'), el('span', '', 'Model Inventory')]),
        el('span', 'mi-fs-nav-item', null, [icon('settings'), el('span', '', 'Settings')]),
      ]),
      el('div', 'mi-fs-content', null, [
        el('div', 'mi-fs-main', null, [
          el('h1', 'mi-fs-heading', 'Model Inventory'),
          el('p', 'mi-fs-description', "The register of your organisation's AI and ML models, their risks and the evidence behind each approval."),
          tabs(),
          cards(statusCounts),
          el('div', 'mi-fs-panel', null, [el('div', 'mi-fs-tools'), resultCount(page), table(page.items, visible)]),
        ]),
      ]),
    ]);
    screen.id = 'mi-first-screen';
    screen.setAttribute('aria-busy', 'true');
    screen.setAttribute('aria-label', 'Model Inventory is starting');
    return screen;
  }

  function tabs() {
    const names = [['model_training', 'Models'], ['report', 'Risks'], ['verified_user', 'Evidence'], ['sync', 'MLflow']];
    return el('div', 'mi-fs-tabs', null, names.map(([name, label], i) => el('span', i === 0 ? 'mi-fs-tab mi-fs-active' : 'mi-fs-tab', null, [icon(name), el('span', '', label)])));
  }

  /** @param {Record<string, number>} statusCounts */
  function cards(statusCounts) {
    const counts = STATUSES.map(([status]) => Number(statusCounts[status] ?? 0));
    const total = counts.reduce((sum, count) => sum + count, 0);
    const card = (/** @type {string} */ status, /** @type {string} */ name, /** @type {string} */ label, /** @type {number} */ count, /** @type {string} */ caption) => {
      const node = el('div', status === 'Total' ? 'mi-fs-card mi-fs-active' : 'mi-fs-card', null, [
        el('span', 'mi-fs-card-label', null, [icon(name), el('span', '', label)]),
        el('span', 'mi-fs-card-count', grouped.format(count)),
        el('span', 'mi-fs-card-caption', caption),
      ]);
      node.dataset['status'] = status;
      return node;
    };
    return el('div', 'mi-fs-cards', null, [
      card('Total', 'inventory_2', 'Total', total, 'Models in the register'),
      ...STATUSES.map(([status, name, description], i) =>
        card(status, name, status, counts[i], total ? `${percent.format(counts[i] / total)} · ${description}` : description),
      ),
    ]);
  }

  /** @param {{ items: any[], total: number }} page */
  function resultCount(page) {
    const range = el('strong', '', `${grouped.format(1)}–${grouped.format(page.items.length)}`);
    return el('div', 'mi-fs-result', null, [range, document.createTextNode(` of ${grouped.format(page.total)} ${page.total === 1 ? 'model' : 'models'}`)]);
  }

  /**
   * @param {any[]} items
   * @param {string[]} visible
   */
  function table(items, visible) {
    const shown = COLUMNS.filter(({ key }) => visible.includes(key));
    const head = el('tr', '', null, shown.map(({ label, centred }) => el('th', centred ? 'mi-fs-center' : '', label)));
    const rows = items.map((model) => el('tr', '', null, shown.map(({ key, centred }) => el('td', centred ? 'mi-fs-center' : '', null, [cell(key, model)]))));
    return el('table', 'mi-fs-table', null, [el('thead', '', null, [head]), el('tbody', '', null, rows)]);
  }

  /**
   * @param {string} key
   * @param {any} model
   * @returns {Node}
   */
  function cell(key, model) {
    switch (key) {
      case 'model':
        return el('span', 'mi-fs-model', null, [el('span', 'mi-fs-model-name', model.model), ...(model.is_demo ? [el('span', 'mi-fs-demo', 'Demo')] : [])]);
      case 'version':
        return el('span', 'mi-fs-version', model.version);
      case 'security_assessment': {
        const mark = icon(model.security_assessment ? 'verified_user' : 'gpp_maybe');
        mark.classList.add(model.security_assessment ? 'mi-fs-assessed' : 'mi-fs-unassessed');
        return mark;
      }
      case 'status': {
        const chip = el('span', 'mi-fs-chip', null, [el('span', 'mi-fs-dot'), el('span', '', model.status)]);
        chip.dataset['status'] = model.status;
        return chip;
      }
      case 'status_date':
        return el('span', 'mi-fs-muted', model.status_date ? mediumDate.format(new Date(model.status_date)) : '');
      case 'open_risk_count':
        return el('span', model.open_risk_count > 0 ? 'mi-fs-risks' : 'mi-fs-muted', String(model.open_risk_count ?? 0));
      case 'capabilities': {
        const shown = (model.capabilities ?? []).slice(0, 2).map((/** @type {string} */ name) => el('span', 'mi-fs-tag', name));
        const more = model.capabilities?.length > 2 ? [el('span', 'mi-fs-muted', `+${model.capabilities.length - 2}`)] : [];
        return el('span', 'mi-fs-tags', null, [...shown, ...more]);
      }
      case 'updated_at':
        return el('span', 'mi-fs-muted', model.updated_at ? dateTime.format(new Date(model.updated_at)).replace(' at ', ', ') : '');
      case 'approver':
      case 'hosting_provider':
        return el('span', 'mi-fs-muted', model[key]);
      default:
        return document.createTextNode(model[key] ?? '');
    }
  }
})();
