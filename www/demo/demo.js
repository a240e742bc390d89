// The demo portal's own script: the three ways to use 年报校验 from a host page.
import { check } from './nianbao.js';
import { SAMPLE } from './demo-sample.js';

const $ = (id) => document.getElementById(id);
const describe = (s) => `${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示`
  + (s.template ? `（${s.template}年版模板${s.report_year ? `，${s.report_year}年度` : ''}${s.agency ? `，${s.agency}` : ''}）` : '');

// 1. The web component: its `nianbao-result` event, and a sample given by its `value` attribute.
document.addEventListener('nianbao-result', (event) => {
  if (event.target.id === 'component') $('component-status').textContent = `nianbao-result：${describe(event.detail)}`;
});
$('component-sample').addEventListener('click', () => {
  const checker = document.createElement('nianbao-checker');
  checker.id = 'component';
  checker.setAttribute('value', SAMPLE);
  $('component-slot').replaceChildren(checker);
});

// 2. The iframe: it answers this page's origin only, and tells its height.
const frame = $('widget');
const frameUrl = new URL('embed.html', import.meta.url);
frameUrl.searchParams.set('origins', location.origin);
frame.src = frameUrl.href;
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== frameUrl.origin) return;
  const message = event.data ?? {};
  if (message.type === 'nianbao:resize') frame.style.height = `${message.height}px`;
  if (message.type === 'nianbao:result') $('iframe-status').textContent = `nianbao:result：${describe({ ...message.result.summary, ...message.result })}`;
});
$('iframe-sample').addEventListener('click', () => {
  frame.contentWindow.postMessage({ type: 'nianbao:check', text: SAMPLE }, frameUrl.origin);
});

// 3. The JS API: the same object as `nianbao check --format json`, shown by the portal itself.
const SEVERITY = { error: '错误', warning: '警告', info: '提示' };
const VERDICT = { passed: '通过', failed: '未通过', unsure: '未能可靠读取' };
function show(report) {
  const out = $('api-result');
  const head = document.createElement('p');
  head.className = `verdict ${report.verdict}`;
  head.textContent = `${VERDICT[report.verdict]}：${describe({ ...report.summary, ...report })}`;
  const list = document.createElement('ol');
  list.className = 'api-findings';
  for (const finding of report.findings) {
    const item = document.createElement('li');
    item.className = finding.severity;
    const where = finding.line ? `第${finding.line}行 ` : '';
    item.textContent = `［${SEVERITY[finding.severity]}］${where}${finding.message}`;
    list.append(item);
  }
  out.replaceChildren(head, ...(report.findings.length ? [list] : []));
}
$('api-check').addEventListener('click', () => show(check($('api-input').value)));
$('api-sample').addEventListener('click', () => {
  $('api-input').value = SAMPLE;
  show(check(SAMPLE));
});
