// Keys typed while the queue is still loading: buffered here (before React hydrates), replayed by
// the queue board (components/queue/early-keys.ts).
(function(){var q=[];function h(e){if(e.ctrlKey||e.metaKey||e.altKey)return;var t=e.target;if(t&&(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))return;q.push(e.key);}window.addEventListener("keydown",h);window.__moddeskTakeEarlyKeys=function(){window.removeEventListener("keydown",h);var k=q.slice();q.length=0;return k;};})();
