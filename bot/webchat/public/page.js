// The local Web Chat test page: starts a conversation on this server's Direct Line subset, then
// renders Bot Framework Web Chat (served from node_modules) with polling, in the chosen language.
(function () {
  'use strict';

  var strings = JSON.parse(document.getElementById('page-strings').textContent);
  var CHOICE_KEY = 'csp-support-bot.locale';
  var status = document.getElementById('status');
  var container = document.getElementById('webchat');

  function fromBrowser() {
    return /^zh/i.test(navigator.language || '') ? 'zh-CN' : 'en';
  }

  function savedChoice() {
    try {
      var saved = window.localStorage.getItem(CHOICE_KEY);
      return saved === 'zh-CN' || saved === 'en' ? saved : undefined;
    } catch {
      return undefined; // storage blocked: follow the browser
    }
  }

  var locale = savedChoice() || fromBrowser();
  var directLine;
  var failed = false;

  // A random id per page load: Web Chat and the start request must name the same user
  // (not "dl_…", which Web Chat reserves for ids signed into a token).
  function newUserId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return (
      'web_' +
      Array.prototype.map
        .call(bytes, function (b) {
          return ('0' + b.toString(16)).slice(-2);
        })
        .join('')
    );
  }
  var userId = newUserId();

  function setStatus(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  function applyTexts() {
    var s = strings[locale];
    document.documentElement.lang = s.htmlLang;
    document.title = s.title;
    document.getElementById('title').textContent = s.title;
    document.getElementById('intro').textContent = s.intro;
    document.getElementById('language-label').textContent = s.languageLabel;
    document.getElementById('footer').textContent = s.footer;
    var buttons = document.querySelectorAll('[data-locale]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-locale') === locale));
    }
    if (failed) setStatus(s.connectFailed, true);
    else if (!directLine) setStatus(s.connecting, false);
  }

  function render() {
    applyTexts();
    if (!directLine) return;
    // Rendering again with the same Direct Line object keeps the conversation; Web Chat sends
    // `locale` on every activity it posts, so the bot sees the switch on the next message.
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: userId,
        locale: locale,
        styleOptions: { hideUploadButton: true, rootHeight: '100%' },
      },
      container,
    );
  }

  function choose(next) {
    if (next === locale) return;
    locale = next;
    try {
      window.localStorage.setItem(CHOICE_KEY, next);
    } catch {
      // not remembered; still switched
    }
    render();
  }

  var buttons = document.querySelectorAll('[data-locale]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function (event) {
      choose(event.currentTarget.getAttribute('data-locale'));
    });
  }

  applyTexts();

  fetch('/v3/directline/conversations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: userId }, locale: locale }),
  })
    .then(function (res) {
      if (!res.ok) throw new Error('start failed: ' + res.status);
      return res.json();
    })
    .then(function (conversation) {
      directLine = window.WebChat.createDirectLine({
        token: conversation.token,
        domain: window.location.origin + '/v3/directline',
        webSocket: false,
        pollingInterval: 1000,
      });
      setStatus('', false);
      render();
    })
    .catch(function () {
      failed = true;
      applyTexts();
    });
})();
