// Live reload for `optreport serve --watch`. The preview server adds this script to the pages it sends (never to the
// site's files, so a published site has none of it): after a successful rebuild the page reloads; after a failed one
// it shows the error (file, line, message) over the page until the next success, which reloads it.
(() => {
  const script = document.currentScript;
  const events = new URL('events', script.src);
  let since = script.dataset.since || '';   // the rebuild this page was served at: later ones are news
  let dismissed = null;                     // the failure the reader closed: not shown again until another one
  let source = null;

  function connect() {
    events.searchParams.set('since', since);
    source = new EventSource(events);
    source.addEventListener('reload', () => location.reload());
    source.addEventListener('failed', (event) => {
      since = event.lastEventId;
      if (event.lastEventId !== dismissed) show(JSON.parse(event.data), event.lastEventId);
    });
    // A dropped connection is retried by EventSource itself (a restarted server is found again); a refused one
    // (too many streams open, a server without --watch) closes it for good, so try again a little later.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000);
    };
  }

  function show(failure, id) {
    let host = document.getElementById('optreport-rebuild-error');
    if (!host) {
      host = document.createElement('div');
      host.id = 'optreport-rebuild-error';
      host.attachShadow({ mode: 'open' });   // the page's styles and the overlay's stay apart
      document.body.appendChild(host);
    }
    const root = host.shadowRoot;
    root.innerHTML = `<style>
      .overlay { position: fixed; inset: auto 1rem 1rem 1rem; max-height: 60vh; overflow: auto; z-index: 2147483647;
        background: #fff5f5; color: #3b0a0a; border: 2px solid #c62828; border-radius: 6px; padding: 0.8rem 1rem;
        font: 14px/1.45 system-ui, sans-serif; box-shadow: 0 4px 18px rgba(0, 0, 0, 0.25); }
      h2 { font-size: 1rem; margin: 0 2rem 0.4rem 0; }
      .where { font-family: ui-monospace, monospace; font-weight: 600; margin: 0 0 0.3rem; }
      pre { white-space: pre-wrap; margin: 0; font: 13px/1.4 ui-monospace, monospace; }
      button { position: absolute; top: 0.4rem; right: 0.5rem; border: 0; background: none; font-size: 1.3rem;
        cursor: pointer; color: inherit; }
      @media (prefers-color-scheme: dark) { .overlay { background: #2a1010; color: #ffdede; border-color: #ef5350; } }
    </style>
    <div class="overlay" role="alert">
      <button type="button" aria-label="Hide">×</button>
      <h2>Rebuild failed: still showing the previous build</h2>
      <p class="where"></p>
      <pre></pre>
    </div>`;
    root.querySelector('.where').textContent = failure.location || '';
    root.querySelector('.where').hidden = !failure.location;
    root.querySelector('pre').textContent = failure.message;
    root.querySelector('button').addEventListener('click', () => {
      dismissed = id;
      host.remove();
    });
  }

  connect();
})();
